#include "modules/sales_orders/sales_order_routes.hpp"

// g++ 12 misreads Asio's recycling allocator for some coroutine frames of this file (operator
// new in thread_info_base, its own operator delete) as a mismatched pair, as it does for every
// file under the sanitizers (CMakeLists.txt); the pairing is correct.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

#include "api/bounds.hpp"
#include "api/json_fields.hpp"
#include "api/json_input.hpp"
#include "api/path_params.hpp"
#include "api/pipeline.hpp"
#include "core/error.hpp"

namespace ov::sales_orders {

namespace asio = boost::asio;
using api::Need;
using api::ObjectReader;

namespace {

using api::kCodeChars;
using api::kNameChars;
using api::kTextChars;
using api::kUrlChars;

DiscountInput read_extra_discount(ObjectReader& r) {
  DiscountInput d;
  d.discount_name = r.string("discountName", Need::kOptional, kNameChars).value;
  auto type = r.boolean("discountType", Need::kOptional);
  d.discount_type = type.value;
  d.discount_value = documents::read_discount(r, type).value;
  return d;
}

InstallmentInput read_installment(ObjectReader& r, const core::TimeZone& zone) {
  InstallmentInput i;
  auto number = r.integer("installmentNumber", Need::kRequired, 1,
                          static_cast<std::int64_t>(kMaxInstallments));
  auto value = r.money("installmentValue", Need::kRequired);
  i.installment_due_date = r.date("installmentDueDate", Need::kOptional, zone).value;
  if (number) i.installment_number = *number;
  if (value) i.installment_value = *value;
  return i;
}

// `payment` (§4.11): {valueType, schedulePayments}; null or absent keeps the schedule on update.
api::Input<PaymentInput> read_payment(ObjectReader& r, const core::TimeZone& zone) {
  api::Input<PaymentInput> in;
  const auto* v = r.find("payment");
  if (!v) return in;
  in.present = true;
  if (v->IsNull()) return in;
  if (!v->IsObject()) {
    r.problem("payment", "payment must be an object");
    return in;
  }
  ObjectReader p(*v, "payment");
  PaymentInput out;
  out.value_type = p.integer("valueType", Need::kOptional, kPercentOfTotal, kAmounts).value;
  auto schedule = p.object_list("schedulePayments", Need::kOptional, kMaxInstallments,
                                [&](ObjectReader& item) { return read_installment(item, zone); });
  if (p.has_problems()) {
    r.nested_problems("payment", p.take_problems());
    return in;
  }
  if (schedule) out.schedule = std::move(*schedule.value);
  in.value = std::move(out);
  return in;
}

// recipient {name, address}: the nested spelling of recipientName and recipientAddress; the flat
// name wins field by field (§1.4), so the nested object fills only what the flat ones leave out.
void read_recipient(ObjectReader& r, documents::DocumentInput& doc) {
  const auto* v = r.find("recipient");
  if (!v || v->IsNull()) return;
  if (!v->IsObject()) {
    r.problem("recipient", "recipient must be an object");
    return;
  }
  ObjectReader p(*v, "recipient");
  auto name = p.string("name", Need::kOptional, kNameChars);
  auto address = p.string("address", Need::kOptional, kTextChars);
  if (p.has_problems()) {
    r.nested_problems("recipient", p.take_problems());
    return;
  }
  if (!doc.recipient_name.present) doc.recipient_name = std::move(name);
  if (!doc.recipient_address.present) doc.recipient_address = std::move(address);
}

SalesOrderInput parse_order(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  SalesOrderInput in;
  const auto& zone = *req.zone;
  in.sales_order_no = api::filter_text(r.string("salesOrderNo", Need::kOptional, kCodeChars));
  documents::read_document(r, kNames, zone, in.doc);
  read_recipient(r, in.doc);
  auto status = r.integer("salesOrderStatus", Need::kOptional, kDraft, kCancelled);
  if (status) in.status = static_cast<int>(*status);
  in.discounts =
      r.object_list("discounts", Need::kOptional, documents::kMaxDiscounts, read_extra_discount);
  in.warehouse_code = r.string("warehouseCode", Need::kOptional, kCodeChars);
  in.sales_order_note = r.string("salesOrderNote", Need::kOptional, kTextChars);
  in.private_note = r.string("privateNote", Need::kOptional, kTextChars);
  // 0 is none, as the documented examples send it.
  in.contact_id = r.integer("contactId", Need::kOptional, 0, api::kMaxId);
  if (in.contact_id && *in.contact_id == 0) in.contact_id.value.reset();
  in.customer_address_id = r.integer("customerAddressId", Need::kOptional, 0, api::kMaxId);
  if (in.customer_address_id && *in.customer_address_id == 0) {
    in.customer_address_id.value.reset();
  }
  in.payment = read_payment(r, zone);
  in.attachments = attachments::read_input(r);
  r.check();
  return in;
}

std::vector<PaymentUpdate> parse_payments(const http::Request& req) {
  auto doc = api::parse_json_object(req.body());
  ObjectReader r(doc);
  auto read = [](ObjectReader& item) {
    PaymentUpdate u;
    // The schema's InstallmentNumber, the example's periodNo (§6 point 10); names compare
    // case-insensitively, so installmentNumber is the same key.
    const bool period = !item.find("installmentNumber") && item.find("periodNo");
    auto number = item.integer(period ? "periodNo" : "installmentNumber", Need::kRequired, 1,
                               static_cast<std::int64_t>(kMaxInstallments));
    auto status = item.integer("status", Need::kRequired, kUnpaid, kPaid);
    if (number) u.installment_number = *number;
    if (status) u.status = static_cast<int>(*status);
    return u;
  };
  auto payments = r.object_list("payments", Need::kRequired, kMaxPaymentItems, read);
  if (payments && payments->empty()) r.problem("payments", "payments must not be empty");
  r.check();
  return std::move(*payments.value);
}

std::string order_no(const http::Request& req) {
  return api::path_code(req, 0, kCodeChars, "Sales order numbers", "sales order");
}

api::Reply order_reply(const SalesOrderRecord& o, const http::Request& req) {
  return api::object_reply(o, core::Fields<SalesOrderRecord>(kSalesOrderFields), {req.zone});
}

// `data` is an array holding the one saved order (§4.11.1, Venio example B).
api::Reply saved_reply(SalesOrderRecord o, const http::Request& req) {
  const std::vector<SalesOrderRecord> list{std::move(o)};
  return api::list_reply(list, core::Fields<SalesOrderRecord>(kSalesOrderFields), {req.zone});
}

api::Reply true_reply() {
  return api::payload([](api::JsonWriter& w) { w.Bool(true); });
}

}  // namespace

void register_routes(api::Routes& routes, SalesOrderService& service) {
  using http::bhttp::verb;
  auto section = routes.section(api::Family::kS);

  section.add(verb::post, "/v2/salesorder",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto in = parse_order(req);
                auto o = co_await service.upsert(api::caller_of(req), std::move(in));
                co_return saved_reply(std::move(o), req);
              });

  section.add(verb::get, "/v2/salesorder/{salesOrderNo}",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = order_no(req);
                auto o = co_await service.get(api::caller_of(req), std::move(no));
                co_return order_reply(o, req);
              });

  section.add(verb::get, "/v2/salesorder/{salesOrderNo}/attachments",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = order_no(req);
                auto list = co_await service.attachments(api::caller_of(req), std::move(no));
                co_return api::list_reply(
                    list, core::Fields<attachments::Attachment>(attachments::kAttachmentFields),
                    {req.zone});
              });

  section.add(verb::put, "/v2/salesorder/{salesOrderNo}/approve",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = order_no(req);
                // An optional {"comment"}, checked and not kept: approval keeps no comments.
                if (auto doc = api::parse_optional_json_object(req.body())) {
                  ObjectReader r(*doc);
                  r.string("comment", Need::kOptional, kTextChars);
                  r.check();
                }
                co_await service.approve(api::caller_of(req), std::move(no));
                co_return true_reply();
              });

  section.add(verb::put, "/v2/salesorder/{salesOrderNo}/payment",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = order_no(req);
                auto updates = parse_payments(req);
                co_await service.update_payments(api::caller_of(req), std::move(no),
                                                 std::move(updates));
                co_return true_reply();
              });

  section.add(verb::put, "/v2/salesorder/{salesOrderNo}/tracking",
              [&service](http::Request& req) -> asio::awaitable<api::Reply> {
                auto no = order_no(req);
                auto doc = api::parse_json_object(req.body());
                ObjectReader r(doc);
                // A carrier's tracking number is short; the document link is a URL.
                auto tracking = r.string("trackingNo", Need::kRequired, 100);
                auto url = r.string("shippingDocumentUrl", Need::kOptional, kUrlChars);
                r.check();
                co_await service.update_tracking(api::caller_of(req), std::move(no),
                                                 std::move(*tracking.value), std::move(url));
                co_return true_reply();
              });

  routes.section(api::Family::kV)
      .add(verb::get, "/v1/salesorders/{salesOrderId:int64}",
           [&service](http::Request& req) -> asio::awaitable<api::Reply> {
             const auto id = api::path_id(req);
             auto v = co_await service.get_legacy(api::caller_of(req), id);
             v.view.order = &v.order;
             co_return api::payload(
                 [&](api::JsonWriter& w) { write_legacy_order(w, v.view, {req.zone}); });
           });

  routes.section(api::Family::kN)
      .add(verb::delete_, "/v1/salesorders/reject",
           [&service](http::Request& req) -> asio::awaitable<api::Reply> {
             auto doc = api::parse_json_object(req.body());
             ObjectReader r(doc);
             auto ids =
                 r.integer_list("salesOrderIds", Need::kRequired, 1, api::kMaxId, kMaxRejects);
             if (ids && ids->empty()) r.problem("salesOrderIds", "salesOrderIds must not be empty");
             auto reason = r.string("reason", Need::kRequired, kTextChars);
             r.check();
             auto results = co_await service.reject(api::caller_of(req), std::move(*ids.value),
                                                    std::move(*reason.value));
             co_return api::list_reply(results, core::Fields<RejectResult>(kRejectResultFields),
                                       {req.zone});
           });
}

}  // namespace ov::sales_orders
