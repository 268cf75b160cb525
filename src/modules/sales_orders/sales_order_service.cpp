#include "modules/sales_orders/sales_order_service.hpp"

#include <algorithm>

#include "api/update.hpp"
#include "core/error.hpp"
#include "core/numbers.hpp"
#include "modules/customers/customer_repository.hpp"
#include "modules/employees/employee_repository.hpp"
#include "modules/sales_orders/sales_order_repository.hpp"
#include "storage/sequences.hpp"
#include "webhooks/events.hpp"

namespace ov::sales_orders {

namespace {

const core::Decimal kHundred = core::Decimal::of(100);

[[noreturn]] void order_not_found(std::string_view no) {
  throw core::not_found("salesOrderNo " + std::string(no) + " was not found");
}

[[noreturn]] void refuse_move(int from, int to) {
  throw core::business_rule("Sales order cannot change from status " + std::to_string(from) +
                            " to " + std::to_string(to));
}

void emit_status(webhooks::Outbox& events, const SalesOrderRecord& o, int previous) {
  events.emit(webhooks::kSaleOrderStatusChanged, {{"SaleOrderNo", o.sales_order_no},
                                                  {"SaleOrderId", o.sales_order_id},
                                                  {"PreviousStatus", previous},
                                                  {"Status", o.status}});
}
void emit_plain(webhooks::Outbox& events, const webhooks::Event& event, const SalesOrderRecord& o) {
  events.emit(event, {{"SaleOrderNo", o.sales_order_no}, {"SaleOrderId", o.sales_order_id}});
}

// The payment schedule of `in` against the order's grand total (§4.11): numbers 1..n in order,
// percents adding up to 100 (the last instalment taking the rounding) or amounts adding up to
// the grand total. A number already in `before` keeps its paid state.
std::vector<Installment> schedule_of(const PaymentInput& in, const core::Decimal& grand_total,
                                     const std::vector<Installment>& before) {
  std::vector<core::FieldProblem> problems;
  if (in.schedule.empty()) return {};
  if (!in.value_type) {
    throw core::validation("payment.valueType",
                           "payment.valueType is required with schedulePayments (1 percents of "
                           "grandTotal, 2 amounts)");
  }
  std::vector<Installment> out;
  core::Decimal sum = core::Decimal::of(0);
  for (std::size_t i = 0; i < in.schedule.size(); ++i) {
    const auto& item = in.schedule[i];
    if (item.installment_number != static_cast<std::int64_t>(i) + 1) {
      const std::string field =
          "payment.schedulePayments[" + std::to_string(i) + "].installmentNumber";
      problems.push_back({field, field + " must be " + std::to_string(i + 1) +
                                     " (instalments are numbered 1 to n in order)"});
    }
    Installment x;
    x.installment_number = static_cast<std::int64_t>(i) + 1;
    x.installment_value = item.installment_value;
    x.installment_due_date = item.installment_due_date;
    auto kept = std::find_if(before.begin(), before.end(), [&](const Installment& b) {
      return b.installment_number == x.installment_number;
    });
    if (kept != before.end()) {
      x.status = kept->status;
      x.date_paid = kept->date_paid;
    }
    sum += item.installment_value;
    out.push_back(std::move(x));
  }
  if (*in.value_type == kPercentOfTotal) {
    if (sum != kHundred) {
      problems.push_back({"payment.schedulePayments",
                          "payment.schedulePayments percents must add up to 100 (they add up to " +
                              sum.normalized().to_string() + ")"});
    }
    core::Decimal taken = core::Decimal::of(0);
    for (std::size_t i = 0; i < out.size(); ++i) {
      out[i].installment_amount =
          i + 1 < out.size()
              ? core::Decimal::divide(grand_total * out[i].installment_value, kHundred, 2)
              : grand_total - taken;
      taken += out[i].installment_amount;
    }
  } else {
    if (sum != grand_total) {
      problems.push_back({"payment.schedulePayments",
                          "payment.schedulePayments amounts must add up to grandTotal (" +
                              grand_total.normalized().to_string() + "; they add up to " +
                              sum.normalized().to_string() + ")"});
    }
    for (auto& x : out) x.installment_amount = x.installment_value;
  }
  if (!problems.empty()) throw core::ApiError(std::move(problems));
  return out;
}

// The stored schedule as inputs, for an update that changes the total but sends no payment.
PaymentInput stored_payment(const SalesOrderRecord& o) {
  PaymentInput p;
  p.value_type = o.payment_value_type;
  for (const auto& i : o.installments) {
    p.schedule.push_back({i.installment_number, i.installment_value, i.installment_due_date});
  }
  return p;
}

// What an upsert in a status that allows content changes sets (§4.11.1).
void apply_content(storage::Session& s, SalesOrderRecord& o, const SalesOrderRecord& before,
                   const SalesOrderInput& in) {
  // The extra discounts, in order, after the header's.
  std::vector<Discount> discounts = before.discounts;
  if (in.discounts.present) {
    discounts.clear();
    for (const auto& d : in.discounts.value.value_or(std::vector<DiscountInput>{})) {
      Discount x;
      x.discount_name = d.discount_name;
      x.discount_type = d.discount_type;
      x.discount_value = d.discount_value;
      discounts.push_back(std::move(x));
    }
  }
  std::vector<documents::Discount> extras;
  for (const auto& d : discounts) extras.push_back({d.discount_type, d.discount_value});
  const auto totals =
      documents::apply_document(s, documents::kSalesOrder, o, in.doc, kNames, extras);
  for (std::size_t i = 0; i < discounts.size(); ++i) {
    discounts[i].discount_amount = totals.extra_discounts[i];
  }
  o.discounts = std::move(discounts);
  api::patch(o.warehouse_code, in.warehouse_code);
  // A line ships from the order's warehouse unless it names its own.
  for (auto& line : o.lines) {
    if (!line.warehouse_code) line.warehouse_code = o.warehouse_code;
  }
  api::patch(o.contact_id, in.contact_id);
  if (in.customer_address_id.present) o.customer_address_id = in.customer_address_id.value;
  // An address of another customer is none of this order's (and a changed customer drops it).
  if (o.customer_address_id) {
    auto found = s.query_i64(
        "SELECT address_id FROM customer_addresses WHERE company_id = ? AND customer_id = ? AND "
        "address_id = ?",
        {o.company_id, o.customer_id, *o.customer_address_id});
    if (!found) {
      if (in.customer_address_id.present) {
        throw core::not_found("customerAddressId " + std::to_string(*o.customer_address_id) +
                              " was not found");
      }
      o.customer_address_id.reset();
    }
  }
  if (in.payment.present) {
    const PaymentInput none;
    const auto& p = in.payment.value ? *in.payment.value : none;
    o.installments = schedule_of(p, o.grand_total, before.installments);
    o.payment_value_type = o.installments.empty() ? std::nullopt : p.value_type;
  } else if (!o.installments.empty()) {
    o.installments = schedule_of(stored_payment(before), o.grand_total, before.installments);
  }
}

// The notes an upsert may change in any status but a final one.
void apply_notes(SalesOrderRecord& o, const SalesOrderInput& in) {
  api::patch(o.remark, in.doc.remark);
  api::patch(o.sales_order_note, in.sales_order_note);
  api::patch(o.private_note, in.private_note);
}

}  // namespace

std::int64_t save_sales_order(storage::Session& s, const core::Caller& caller,
                              const SalesOrderInput& in, core::UnixSeconds now,
                              std::string_view keep_no, std::int64_t keep_id) {
  const auto company = caller.company_id;
  SalesOrderRepository repo(s);
  webhooks::Outbox events(s, company, now, *caller.zone);
  if (!in.sales_order_no) {
    // A new order (§4.9.3): draft unless sent for approval.
    const int status = in.status.value_or(kDraft);
    if (!documents::may_move(kTransitions, 0, status)) {
      throw core::business_rule("A new sales order must be in status 1 or 2, not " +
                                std::to_string(status));
    }
    SalesOrderRecord o;
    o.company_id = company;
    o.status = status;
    apply_content(s, o, SalesOrderRecord{}, in);
    apply_notes(o, in);
    api::patch(o.reference_no, in.doc.reference_no);
    o.created_by_user_id = o.updated_by_user_id = caller.user_id;
    o.date_created = o.date_updated = now;
    // Numbered once every reference is known to exist, in this transaction.
    if (keep_no.empty()) {
      o.sales_order_no =
          storage::next_number(s, company, core::kSalesOrderNumber, now, *caller.zone);
    } else {
      o.sales_order_no = std::string(keep_no);
    }
    o.sales_order_id = keep_id;
    repo.insert(o, keep_id != 0);
    if (in.attachments) {
      attachments::replace(s, company, attachments::kSalesOrderOwner, o.sales_order_id,
                           *in.attachments, caller.user_id, now, "sales order");
    }
    emit_plain(events, webhooks::kSaleOrderCreated, o);
    return o.sales_order_id;
  }
  auto found = repo.find_for_update(company, std::nullopt, *in.sales_order_no);
  if (!found) order_not_found(*in.sales_order_no);
  const SalesOrderRecord before = std::move(*found);
  const int to = in.status.value_or(before.status);
  if (!documents::may_move(kTransitions, before.status, to)) refuse_move(before.status, to);
  SalesOrderRecord o = before;
  const bool content = content_editable(before.status);
  // In status 3 only the status (to 5) and the notes change; the rest of the body is ignored.
  if (content) {
    apply_content(s, o, before, in);
    api::patch(o.reference_no, in.doc.reference_no);
  }
  apply_notes(o, in);
  o.status = to;
  if (to != kRejected) o.reject_reason.reset();
  o.updated_by_user_id = caller.user_id;
  o.date_updated = now;
  repo.update(before, o, content);
  if (content && in.attachments.present) {
    attachments::replace(s, company, attachments::kSalesOrderOwner, o.sales_order_id,
                         in.attachments ? *in.attachments : std::vector<attachments::InputItem>{},
                         caller.user_id, now, "sales order");
  }
  emit_plain(events, webhooks::kSaleOrderUpdated, o);
  if (o.status != before.status) emit_status(events, o, before.status);
  return o.sales_order_id;
}

SalesOrderRecord create_from(storage::Session& s, const core::Caller& caller,
                             const documents::DocumentRecord& source, std::string_view source_no,
                             const std::optional<std::string>& note, core::UnixSeconds now) {
  const auto company = caller.company_id;
  SalesOrderRecord o;
  static_cast<documents::DocumentRecord&>(o) = source;
  o.status = kDraft;
  o.sales_order_note = note;
  // Today, as a date.
  o.document_date = core::local_midnight(now, *caller.zone);
  o.reference_no = std::string(source_no);
  o.header_template_id = documents::default_template(s, company, documents::kSalesOrder);
  for (auto& line : o.lines) line.document_type = documents::kSalesOrder;
  o.created_by_user_id = o.updated_by_user_id = caller.user_id;
  o.date_created = o.date_updated = now;
  o.sales_order_no = storage::next_number(s, company, core::kSalesOrderNumber, now, *caller.zone);
  SalesOrderRepository(s).insert(o);
  webhooks::Outbox events(s, company, now, *caller.zone);
  emit_plain(events, webhooks::kSaleOrderCreated, o);
  return o;
}

void approve_order(storage::Session& s, const core::Caller& caller, std::string_view no,
                   core::UnixSeconds now) {
  SalesOrderRepository repo(s);
  auto found = repo.find_for_update(caller.company_id, std::nullopt, no);
  if (!found) order_not_found(no);
  const SalesOrderRecord before = std::move(*found);
  if (before.status != kWaitingApproval) refuse_move(before.status, kApproved);
  SalesOrderRecord o = before;
  o.status = kApproved;
  o.approved_by_user_id = caller.user_id;
  o.date_approved = now;
  o.updated_by_user_id = caller.user_id;
  o.date_updated = now;
  repo.update(before, o, false);
  webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
  emit_status(events, o, before.status);
}

boost::asio::awaitable<SalesOrderRecord> SalesOrderService::upsert(const core::Caller& caller,
                                                                   SalesOrderInput in) {
  // What the lines name is read before the write, so that the one writer only writes.
  in.doc.products = co_await db_.read([&](storage::Session& s) {
    return documents::find_products(s, caller.company_id, in.doc.lines);
  });
  const auto id = co_await db_.write(
      [&](storage::Session& s) { return save_sales_order(s, caller, in, clock_.now()); });
  // After the commit, on a read connection: the writer only writes.
  auto found = co_await db_.read(
      [&](storage::Session& s) { return SalesOrderRepository(s).find(caller.company_id, id, ""); });
  if (!found) throw core::not_found("salesOrderId " + std::to_string(id) + " was not found");
  co_return std::move(*found);
}

boost::asio::awaitable<SalesOrderRecord> SalesOrderService::get(const core::Caller& caller,
                                                                std::string no) {
  auto found = co_await db_.read([&](storage::Session& s) {
    return SalesOrderRepository(s).find(caller.company_id, std::nullopt, no);
  });
  if (!found) order_not_found(no);
  co_return std::move(*found);
}

boost::asio::awaitable<LegacyView> SalesOrderService::get_legacy(const core::Caller& caller,
                                                                 std::int64_t id) {
  co_return co_await db_.read([&](storage::Session& s) {
    const auto company = caller.company_id;
    auto found = SalesOrderRepository(s).find(company, id, "");
    if (!found) throw core::not_found("salesOrderId " + std::to_string(id) + " was not found");
    LegacyView v;
    v.order = std::move(*found);
    v.view.attachments =
        attachments::list(s, company, attachments::kSalesOrderOwner, v.order.sales_order_id);
    v.view.customer = customers::CustomerRepository(s).find_legacy(company, v.order.customer_id);
    v.view.user_info = employees::EmployeeRepository(s).find_by_id(company, v.order.staff_user_id);
    auto t = s.query(
        "SELECT company_name, company_tax_no, branch_code, company_address, company_phone, "
        "company_email FROM header_templates WHERE company_id = ? AND header_template_id = ?",
        {company, v.order.header_template_id});
    if (t.next()) {
      v.view.seller_name = t.opt_str(0);
      v.view.seller_tax_no = t.opt_str(1);
      v.view.seller_branch_code = t.opt_str(2);
      v.view.seller_address = t.opt_str(3);
      v.view.seller_phone = t.opt_str(4);
      v.view.seller_email = t.opt_str(5);
    }
    return v;
  });
}

boost::asio::awaitable<std::vector<attachments::Attachment>> SalesOrderService::attachments(
    const core::Caller& caller, std::string no) {
  co_return co_await db_.read([&](storage::Session& s) {
    auto id = s.query_i64(
        "SELECT sales_order_id FROM sales_orders WHERE company_id = ? AND lower(sales_order_no) "
        "= lower(?)",
        {caller.company_id, no});
    if (!id) order_not_found(no);
    return attachments::list(s, caller.company_id, attachments::kSalesOrderOwner, *id);
  });
}

boost::asio::awaitable<std::vector<RejectResult>> SalesOrderService::reject(
    const core::Caller& caller, std::vector<std::int64_t> ids, std::string reason) {
  co_return co_await db_.write([&](storage::Session& s) {
    const auto now = clock_.now();
    SalesOrderRepository repo(s);
    webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
    std::vector<RejectResult> out;
    for (const auto id : ids) {
      RejectResult r;
      r.sales_order_id = id;
      auto found = repo.find_for_update(caller.company_id, id, "");
      if (!found) {
        r.error = "salesOrderId " + std::to_string(id) + " was not found";
        out.push_back(std::move(r));
        continue;
      }
      const SalesOrderRecord before = std::move(*found);
      r.sales_order_no = before.sales_order_no;
      if (before.status != kWaitingApproval) {
        r.error = "Sales order cannot change from status " + std::to_string(before.status) +
                  " to " + std::to_string(kRejected);
        out.push_back(std::move(r));
        continue;
      }
      SalesOrderRecord o = before;
      o.status = kRejected;
      o.reject_reason = reason;
      o.updated_by_user_id = caller.user_id;
      o.date_updated = now;
      repo.update(before, o, false);
      emit_status(events, o, before.status);
      r.is_success = true;
      out.push_back(std::move(r));
    }
    return out;
  });
}

boost::asio::awaitable<void> SalesOrderService::approve(const core::Caller& caller,
                                                        std::string no) {
  co_await db_.write([&](storage::Session& s) {
    approve_order(s, caller, no, clock_.now());
    return 0;
  });
}

boost::asio::awaitable<void> SalesOrderService::update_payments(
    const core::Caller& caller, std::string no, std::vector<PaymentUpdate> updates) {
  co_await db_.write([&](storage::Session& s) {
    const auto now = clock_.now();
    SalesOrderRepository repo(s);
    auto found = repo.find_for_update(caller.company_id, std::nullopt, no);
    if (!found) order_not_found(no);
    SalesOrderRecord o = std::move(*found);
    if (o.status != kApproved) {
      throw core::business_rule(
          "Sales order payments can be updated only in status 3 (Approved); it is in status " +
          std::to_string(o.status));
    }
    std::vector<core::FieldProblem> problems;
    for (std::size_t i = 0; i < updates.size(); ++i) {
      auto it = std::find_if(o.installments.begin(), o.installments.end(), [&](const auto& x) {
        return x.installment_number == updates[i].installment_number;
      });
      if (it == o.installments.end()) {
        const std::string field = "payments[" + std::to_string(i) + "].installmentNumber";
        problems.push_back({field, field + " " + std::to_string(updates[i].installment_number) +
                                       " is not an instalment of sales order " + o.sales_order_no});
        continue;
      }
      if (it->status == updates[i].status) continue;
      it->status = updates[i].status;
      if (updates[i].status == kPaid) {
        it->date_paid = now;
      } else {
        it->date_paid.reset();
      }
    }
    if (!problems.empty()) throw core::ApiError(std::move(problems));
    const SalesOrderRecord before = o;
    o.updated_by_user_id = caller.user_id;
    o.date_updated = now;
    repo.update(before, o, false);
    repo.save_installments(o);
    webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
    emit_plain(events, webhooks::kSaleOrderUpdated, o);
    return 0;
  });
}

boost::asio::awaitable<void> SalesOrderService::update_tracking(
    const core::Caller& caller, std::string no, std::string tracking_no,
    api::Input<std::string> shipping_document_url) {
  co_await db_.write([&](storage::Session& s) {
    const auto now = clock_.now();
    SalesOrderRepository repo(s);
    auto found = repo.find_for_update(caller.company_id, std::nullopt, no);
    if (!found) order_not_found(no);
    const SalesOrderRecord before = std::move(*found);
    if (before.status != kApproved) {
      throw core::business_rule(
          "Sales order tracking can be updated only in status 3 (Approved); it is in status " +
          std::to_string(before.status));
    }
    SalesOrderRecord o = before;
    o.tracking_no = tracking_no;
    api::patch(o.shipping_document_url, shipping_document_url);
    o.updated_by_user_id = caller.user_id;
    o.date_updated = now;
    repo.update(before, o, false);
    webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
    emit_plain(events, webhooks::kSaleOrderUpdated, o);
    return 0;
  });
}

void SalesOrderService::cancel_open_orders(storage::Session& s, const core::Caller& caller,
                                           const deals::DealRecord& deal, core::UnixSeconds now) {
  SalesOrderRepository repo(s);
  webhooks::Outbox events(s, caller.company_id, now, *caller.zone);
  for (const auto id : repo.of_deal(caller.company_id, deal.deals_id, {kDraft, kWaitingApproval})) {
    auto found = repo.find(caller.company_id, id, "");
    if (!found) continue;
    const SalesOrderRecord before = std::move(*found);
    SalesOrderRecord o = before;
    o.status = kCancelled;
    o.updated_by_user_id = caller.user_id;
    o.date_updated = now;
    repo.update(before, o, false);
    emit_status(events, o, before.status);
  }
}

}  // namespace ov::sales_orders
