#include "modules/quotations/quotation_service.hpp"

#include "api/update.hpp"
#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/quotations/quotation_repository.hpp"
#include "modules/sales_orders/sales_order_service.hpp"
#include "storage/master_lists.hpp"
#include "storage/sequences.hpp"
#include "webhooks/events.hpp"

namespace ov::quotations {

namespace {

[[noreturn]] void quotation_not_found(std::string_view no) {
  throw core::not_found("quotationNo " + std::string(no) + " was not found");
}

[[noreturn]] void refuse_move(int from, int to) {
  throw core::business_rule("Quotation cannot change from status " + std::to_string(from) + " to " +
                            std::to_string(to));
}

void emit_status(webhooks::Outbox& events, const QuotationRecord& q, int previous) {
  events.emit(webhooks::kQuotationStatusChanged, {{"QuotationNo", q.quotation_no},
                                                  {"QuotationId", q.quotation_id},
                                                  {"PreviousStatus", previous},
                                                  {"Status", q.status}});
}

// The content of a quotation (§4.10.1): the shared body and the quotation's own fields.
void apply_content(storage::Session& s, QuotationRecord& q, const QuotationInput& in) {
  documents::apply_document(s, documents::kQuotation, q, in.doc, kNames);
  if (in.valid_until < in.doc.document_date) {
    throw core::validation("quotationValidUntil",
                           "quotationValidUntil must not be earlier than quotationDate");
  }
  q.valid_until = in.valid_until;
  api::patch(q.contact_name, in.contact_name);
}

}  // namespace

std::int64_t save_quotation(storage::Session& s, const core::Caller& caller,
                            const QuotationInput& in, core::UnixSeconds now,
                            std::string_view keep_no) {
  const auto company = caller.company_id;
  QuotationRepository repo(s);
  webhooks::Outbox events(s, company, now, *caller.zone);
  // §4.10.1: quotationNo names the quotation to update (404 if unknown); else a referenceNo
  // that a quotation carries; else this is a new one.
  std::optional<QuotationRecord> found;
  if (in.quotation_no) {
    found = repo.find_for_update(company, *in.quotation_no);
    if (!found) quotation_not_found(*in.quotation_no);
  } else if (in.doc.reference_no) {
    found = repo.find_for_update(company, *in.doc.reference_no, true);
    if (!found) {
      // A reference no quotation carries yet: concurrent upserts of it take turns (PostgreSQL),
      // so that the first creates the quotation and the others find it and update it.
      storage::lock_new_entries(s, "quotations.reference_no", company);
      found = repo.find_for_update(company, *in.doc.reference_no, true);
    }
  }
  if (!found) {
    if (!documents::may_move(kTransitions, 0, in.status)) {
      throw core::business_rule("A new quotation must be in status 1 or 2, not " +
                                std::to_string(in.status));
    }
    QuotationRecord q;
    q.company_id = company;
    q.status = in.status;
    apply_content(s, q, in);
    api::patch(q.quotation_note, in.quotation_note);
    q.created_by_user_id = q.updated_by_user_id = caller.user_id;
    q.date_created = q.date_updated = now;
    // Numbered once every reference is known to exist, in this transaction.
    q.quotation_no = keep_no.empty() ? storage::next_number(s, company, core::kQuotationNumber, now,
                                                            *caller.zone)
                                     : std::string(keep_no);
    q.reference_no =
        in.doc.reference_no
            ? *in.doc.reference_no
            : storage::next_number(s, company, core::kQuotationReference, now, *caller.zone);
    repo.insert(q);
    events.emit(webhooks::kQuotationCreated,
                {{"QuotationNo", q.quotation_no}, {"QuotationId", q.quotation_id}});
    return q.quotation_id;
  }
  const QuotationRecord before = std::move(*found);
  if (!documents::may_move(kTransitions, before.status, in.status)) {
    refuse_move(before.status, in.status);
  }
  QuotationRecord q = before;
  // In 3 and 4 only the status, the note and the remark change (§4.9.2).
  const bool content = content_editable(before.status);
  if (content) {
    apply_content(s, q, in);
  } else {
    api::patch(q.remark, in.doc.remark);
  }
  api::patch(q.quotation_note, in.quotation_note);
  q.status = in.status;
  q.updated_by_user_id = caller.user_id;
  q.date_updated = now;
  repo.update(before, q, content);
  events.emit(webhooks::kQuotationUpdated,
              {{"QuotationNo", q.quotation_no}, {"QuotationId", q.quotation_id}});
  if (q.status != before.status) emit_status(events, q, before.status);
  return q.quotation_id;
}

boost::asio::awaitable<QuotationRecord> QuotationService::read_back(const core::Caller& caller,
                                                                    std::int64_t id) {
  // After the commit, on a read connection: the writer only writes.
  auto found = co_await db_.read(
      [&](storage::Session& s) { return QuotationRepository(s).find(caller.company_id, id, ""); });
  if (!found) throw core::not_found("quotationId " + std::to_string(id) + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<QuotationRecord> QuotationService::upsert(const core::Caller& caller,
                                                                 QuotationInput in) {
  // What the lines name is read before the write, so that the one writer only writes.
  in.doc.products = co_await db_.read([&](storage::Session& s) {
    return documents::find_products(s, caller.company_id, in.doc.lines);
  });
  const auto id = co_await db_.write(
      [&](storage::Session& s) { return save_quotation(s, caller, in, clock_.now()); });
  co_return co_await read_back(caller, id);
}

boost::asio::awaitable<Conversion> QuotationService::convert(const core::Caller& caller,
                                                             std::string no) {
  co_return co_await db_.write([&](storage::Session& s) {
    const auto now = clock_.now();
    QuotationRepository repo(s);
    auto found = repo.find_for_update(caller.company_id, no);
    if (!found) quotation_not_found(no);
    const QuotationRecord before = std::move(*found);
    // §4.10.2: an approved or sent quotation; the order and the completed quotation are one
    // write, so a failure leaves both as they were.
    if (!convertible(before.status)) refuse_move(before.status, kCompleted);
    auto order = sales_orders::create_from(s, caller, before, before.quotation_no,
                                           before.quotation_note, now);
    QuotationRecord q = before;
    q.status = kCompleted;
    q.sales_order_no = order.sales_order_no;
    q.updated_by_user_id = caller.user_id;
    q.date_updated = now;
    repo.update(before, q, false);
    webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
    emit_status(events, q, before.status);
    return Conversion{q.quotation_no, q.status, order.sales_order_no, order.sales_order_id};
  });
}

boost::asio::awaitable<core::Page<QuotationRecord>> QuotationService::enquiry(
    const core::Caller& caller, EnquiryInput in) {
  co_return co_await db_.read_apart(
      [&](storage::Session& s) { return QuotationRepository(s).enquiry(caller.company_id, in); });
}

boost::asio::awaitable<QuotationRecord> QuotationService::get(const core::Caller& caller,
                                                              std::string no) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return QuotationRepository(s).find(caller.company_id, std::nullopt, no);
  });
  if (!found) quotation_not_found(no);
  co_return std::move(*found);
}

boost::asio::awaitable<QuotationRecord> QuotationService::cancel(
    const core::Caller& caller, std::string no, std::optional<std::string> reason) {
  const auto id = co_await db_.write([&](storage::Session& s) {
    const auto now = clock_.now();
    QuotationRepository repo(s);
    auto found = repo.find_for_update(caller.company_id, no);
    if (!found) quotation_not_found(no);
    const QuotationRecord before = std::move(*found);
    if (!cancellable(before.status)) refuse_move(before.status, kCancelled);
    QuotationRecord q = before;
    q.status = kCancelled;
    q.cancel_reason = reason;
    q.updated_by_user_id = caller.user_id;
    q.date_updated = now;
    repo.update(before, q, false);
    webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
    emit_status(events, q, before.status);
    return q.quotation_id;
  });
  co_return co_await read_back(caller, id);
}

}  // namespace ov::quotations
