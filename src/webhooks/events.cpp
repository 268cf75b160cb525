#include "webhooks/events.hpp"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <chrono>

#include "webhooks/signing.hpp"

namespace ov::webhooks {

namespace {

constexpr std::array<std::string_view, 22> kEventNames{
    "Case.Created",         "Case.Updated",      "Case.StatusChanged",
    "Customer.Created",     "Customer.Updated",  "Customer.StatusChanged",
    "Deal.Created",         "Deal.Updated",      "Deal.StatusChanged",
    "Activity.Created",     "Activity.Updated",  "Activity.StatusChanged",
    "Quotation.Created",    "Quotation.Updated", "Quotation.StatusChanged",
    "SaleOrder.Created",    "SaleOrder.Updated", "SaleOrder.StatusChanged",
    "Expense.Created",      "Expense.Updated",   "Expense.StatusChanged",
    "Product.StockUpdated",
};

void write_string(rapidjson::Writer<rapidjson::StringBuffer>& w, std::string_view v) {
  w.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
}

}  // namespace

std::span<const std::string_view> event_names() { return kEventNames; }

bool is_event_name(std::string_view name) {
  return std::find(kEventNames.begin(), kEventNames.end(), name) != kEventNames.end();
}

std::string payload(const Event& e, std::int64_t company_id, Data data, core::UnixSeconds at,
                    const core::TimeZone& zone) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  w.Key("Topic");
  write_string(w, e.topic);
  w.Key("Event");
  write_string(w, e.event);
  w.Key("Data");
  w.StartObject();
  for (const auto& f : data) {
    write_string(w, f.key);
    if (const auto* n = std::get_if<std::int64_t>(&f.value)) {
      w.Int64(*n);
    } else if (const auto* d = std::get_if<core::Decimal>(&f.value)) {
      const auto text = d->to_json_number();
      // Written as the number it is (RawNumber would quote it).
      w.RawValue(text.data(), text.size(), rapidjson::kNumberType);
    } else {
      write_string(w, std::get<std::string_view>(f.value));
    }
  }
  w.EndObject();
  w.Key("Timestamp");
  core::DateTimeText text;
  write_string(w, core::format_datetime(at, zone, text));
  w.Key("CompanyId");
  w.Int64(company_id);
  w.EndObject();
  return {buf.GetString(), buf.GetSize()};
}

bool filter_matches(std::string_view events_json, std::string_view event_name) {
  // The stored filter is a JSON array of validated names (no quotes or escapes inside them).
  if (events_json == R"(["*"])") return true;
  std::string quoted;
  quoted.reserve(event_name.size() + 2);
  quoted.push_back('"');
  quoted.append(event_name);
  quoted.push_back('"');
  return events_json.find(quoted) != std::string_view::npos;
}

void Outbox::emit(const Event& e, Data data) {
  if (!subscriptions_) {
    subscriptions_.emplace();
    auto rows = s_.query(
        "SELECT subscription_id, events FROM webhook_subscriptions WHERE company_id = ? AND "
        "enabled = 1",
        {company_id_});
    while (rows.next()) subscriptions_->push_back({rows.i64(0), rows.str(1)});
  }
  std::optional<std::string> body;
  const auto now = unix_ms();
  for (const auto& sub : *subscriptions_) {
    if (!filter_matches(sub.events, e.name)) continue;
    if (!body) body = payload(e, company_id_, data, at_, zone_);
    const auto id = new_message_id(now);
    s_.exec(
        "INSERT INTO webhook_messages (company_id, subscription_id, webhook_id, event, body, "
        "status, attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0, "
        "?, ?, ?)",
        {company_id_, sub.id, id, e.name, *body, now, now, now});
    s_.notify_after_commit();
  }
}

void emit(storage::Session& s, std::int64_t company_id, const Event& e, Data data,
          core::UnixSeconds at, const core::TimeZone& zone) {
  Outbox(s, company_id, at, zone).emit(e, data);
}

std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace ov::webhooks
