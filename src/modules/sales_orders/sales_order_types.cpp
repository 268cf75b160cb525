#include "modules/sales_orders/sales_order_types.hpp"

namespace ov::sales_orders {

namespace {

// Currency names and symbols of Get a SalesOrders By Id's `currency` (designed): the
// currencies Thai trade uses most; any other ISO code is shown as its own name and symbol.
struct Currency {
  std::string_view code;
  std::string_view name;
  std::string_view symbol;
};
constexpr Currency kCurrencies[] = {
    {"THB", "Thai Baht", "฿"},
    {"USD", "US Dollar", "$"},
    {"EUR", "Euro", "€"},
    {"JPY", "Japanese Yen", "¥"},
    {"CNY", "Chinese Yuan", "¥"},
    {"GBP", "Pound Sterling", "£"},
    {"SGD", "Singapore Dollar", "S$"},
    {"MYR", "Malaysian Ringgit", "RM"},
    {"LAK", "Lao Kip", "₭"},
    {"KHR", "Cambodian Riel", "៛"},
    {"MMK", "Myanmar Kyat", "K"},
    {"VND", "Vietnamese Dong", "₫"},
};

void write_party(api::JsonWriter& w, const std::optional<std::string>& name,
                 const std::optional<std::string>& tax_no,
                 const std::optional<std::string>& branch_code,
                 const std::optional<std::string>& address, const std::optional<std::string>& phone,
                 const std::optional<std::string>& email) {
  w.StartObject();
  api::write_key(w, "name");
  api::write_opt_string(w, name);
  api::write_key(w, "taxNo");
  api::write_opt_string(w, tax_no);
  api::write_key(w, "branchCode");
  api::write_opt_string(w, branch_code);
  api::write_key(w, "address");
  api::write_opt_string(w, address);
  api::write_key(w, "phone");
  api::write_opt_string(w, phone);
  api::write_key(w, "email");
  api::write_opt_string(w, email);
  w.EndObject();
}

// The sales-order object's fields the legacy view shows in its own place.
constexpr std::string_view kShownEarlier[] = {"subTotal",        "customerId",  "remark",
                                              "createdByUserId", "dateCreated", "approvedByUserId"};

}  // namespace

std::string_view status_name(int status) {
  switch (status) {
    case kDraft:
      return "Draft";
    case kWaitingApproval:
      return "Waiting approval";
    case kApproved:
      return "Approved";
    case kRejected:
      return "Rejected";
    case kCancelled:
      return "Cancelled";
    default:
      return "";
  }
}

void write_payment(api::JsonWriter& w, const SalesOrderRecord& o, const api::OutContext& ctx) {
  w.StartObject();
  api::write_key(w, "valueType");
  api::write_opt_int(w, o.payment_value_type);
  api::write_key(w, "schedulePayments");
  api::write_array(w, o.installments, core::Fields<Installment>(kInstallmentFields), ctx);
  w.EndObject();
}

void write_recipient(api::JsonWriter& w, const SalesOrderRecord& o, const api::OutContext&) {
  w.StartObject();
  api::write_key(w, "name");
  api::write_opt_string(w, o.recipient_name);
  api::write_key(w, "address");
  api::write_opt_string(w, o.recipient_address);
  w.EndObject();
}

void write_customer_address(api::JsonWriter& w, const SalesOrderRecord& o, const api::OutContext&) {
  if (!o.customer_address_id || !o.address_location) {
    w.Null();
    return;
  }
  w.StartObject();
  api::write_key(w, "addressId");
  w.Int64(*o.customer_address_id);
  api::write_key(w, "locationName");
  api::write_opt_string(w, o.address_location_name);
  api::write_key(w, "location");
  api::write_opt_string(w, o.address_location);
  // The address text is the full address (designed).
  api::write_key(w, "fullAddress");
  api::write_opt_string(w, o.address_location);
  w.EndObject();
}

void write_legacy_order(api::JsonWriter& w, const LegacyOrder& v, const api::OutContext& ctx) {
  const auto& o = *v.order;
  w.StartObject();
  api::write_key(w, "attachments");
  api::write_array(w, v.attachments,
                   core::Fields<attachments::Attachment>(attachments::kAttachmentFields), ctx);
  api::write_key(w, "customer");
  if (v.customer) {
    api::write_object(w, *v.customer,
                      core::Fields<customers::CustomerRecord>(customers::kLegacyCustomerFields),
                      ctx);
  } else {
    w.Null();
  }
  api::write_key(w, "userInfo");
  if (v.user_info) {
    api::write_object(w, *v.user_info,
                      core::Fields<employees::EmployeeRecord>(employees::kEmployeeFields), ctx);
  } else {
    w.Null();
  }
  api::write_key(w, "statusName");
  api::write_string(w, status_name(o.status));
  api::write_key(w, "isEdit");
  w.Bool(content_editable(o.status));
  api::write_key(w, "isDelete");
  w.Bool(o.status == kDraft);
  api::write_key(w, "isApprove");
  w.Bool(o.status == kWaitingApproval);
  api::write_key(w, "total");
  api::write_decimal(w, o.grand_total);
  api::write_key(w, "buyer");
  std::optional<std::string> buyer_address = o.address_location;
  if (!buyer_address && v.customer && !v.customer->addresses.empty()) {
    buyer_address = v.customer->addresses.front().location;
  }
  if (v.customer) {
    write_party(w, v.customer->customer_name, v.customer->tax_no, v.customer->branch_code,
                buyer_address, v.customer->phone, v.customer->email);
  } else {
    write_party(w, {}, {}, {}, buyer_address, {}, {});
  }
  api::write_key(w, "seller");
  write_party(w, v.seller_name, v.seller_tax_no, v.seller_branch_code, v.seller_address,
              v.seller_phone, v.seller_email);
  api::write_key(w, "customerIds");
  api::write_ids(w, {o.customer_id});
  api::write_key(w, "currency");
  w.StartObject();
  const Currency* known = nullptr;
  for (const auto& c : kCurrencies) {
    if (c.code == o.currency_code) known = &c;
  }
  api::write_key(w, "currencyCode");
  api::write_string(w, o.currency_code);
  api::write_key(w, "currencyName");
  api::write_string(w, known ? known->name : std::string_view(o.currency_code));
  api::write_key(w, "symbol");
  api::write_string(w, known ? known->symbol : std::string_view(o.currency_code));
  w.EndObject();
  api::write_key(w, "subTotal");
  api::write_decimal(w, o.sub_total);
  api::write_key(w, "saleOrderId");
  w.Int64(o.sales_order_id);
  // Always a sale order, never a sale report.
  api::write_key(w, "orderType");
  w.Int(1);
  api::write_key(w, "saleOrderNo");
  api::write_string(w, o.sales_order_no);
  api::write_key(w, "status");
  w.Int(o.status);
  api::write_key(w, "dateOrder");
  api::detail::write_datetime(w, o.document_date, ctx);
  api::write_key(w, "customerId");
  w.Int64(o.customer_id);
  api::write_key(w, "isActive");
  w.Bool(o.status != kCancelled);
  api::write_key(w, "remark");
  api::write_opt_string(w, o.remark);
  api::write_key(w, "createdByUserId");
  api::write_string(w, o.created_by_user_id);
  api::write_key(w, "dateCreated");
  api::detail::write_datetime(w, o.date_created, ctx);
  // Approval is not routed to a person (designed).
  api::write_key(w, "waitingApproveByUserId");
  w.Null();
  api::write_key(w, "approvedByUserId");
  api::write_opt_string(w, o.approved_by_user_id);
  api::write_fields_except(w, o, core::Fields<SalesOrderRecord>(kSalesOrderFields), kShownEarlier,
                           ctx);
  w.EndObject();
}

}  // namespace ov::sales_orders
