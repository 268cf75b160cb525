// The SalesOrder section's records, statuses and inputs (ENDPOINTS.md §4.11, §4.9.3).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/json_fields.hpp"
#include "core/fields.hpp"
#include "modules/attachments/attachments.hpp"
#include "modules/customers/customer_types.hpp"
#include "modules/documents/documents.hpp"
#include "modules/employees/employee_types.hpp"

namespace ov::sales_orders {

// Sales-order statuses (§4.9.3, designed).
inline constexpr int kDraft = 1;
inline constexpr int kWaitingApproval = 2;
inline constexpr int kApproved = 3;
inline constexpr int kRejected = 4;
inline constexpr int kCancelled = 5;
std::string_view status_name(int status);

// §4.9.3: the statuses Create Or Update SalesOrder may set from each status (0: a new order).
inline constexpr int kFromNew[] = {1, 2};
inline constexpr int kFromDraft[] = {1, 2, 5};
inline constexpr int kFromWaiting[] = {1, 2, 5};
inline constexpr int kFromApproved[] = {3, 5};
inline constexpr int kFromRejected[] = {1, 2, 4, 5};
inline constexpr documents::Transition kTransitions[] = {
    {0, kFromNew},
    {kDraft, kFromDraft},
    {kWaitingApproval, kFromWaiting},
    {kApproved, kFromApproved},
    {kRejected, kFromRejected},
};
inline bool content_editable(int status) {
  return status == kDraft || status == kWaitingApproval || status == kRejected;
}

// Instalments of one order: five years of monthly payments.
inline constexpr std::size_t kMaxInstallments = 60;
// Orders of one Reject call (§4.11.5, designed) and instalments of one payment update.
inline constexpr std::size_t kMaxRejects = 100;
inline constexpr std::size_t kMaxPaymentItems = kMaxInstallments;
// The schedule's kinds and an instalment's states (designed, §4.11).
inline constexpr int kPercentOfTotal = 1;
inline constexpr int kAmounts = 2;
inline constexpr int kUnpaid = 1;
inline constexpr int kPaid = 2;

struct Discount {
  std::int64_t company_id = 0;
  std::int64_t sales_order_id = 0;
  std::int64_t position = 0;
  std::optional<std::string> discount_name;
  std::optional<bool> discount_type;
  std::optional<core::Decimal> discount_value;
  core::Decimal discount_amount;
};

struct Installment {
  std::int64_t company_id = 0;
  std::int64_t sales_order_id = 0;
  std::int64_t installment_number = 1;
  std::int64_t status = kUnpaid;
  core::Decimal installment_value;
  core::Decimal installment_amount;
  std::optional<std::int64_t> installment_due_date;
  std::optional<std::int64_t> date_paid;
};

struct SalesOrderRecord : documents::DocumentRecord {
  std::int64_t sales_order_id = 0;
  std::string sales_order_no;
  std::optional<std::string> warehouse_code;
  std::optional<std::string> sales_order_note;
  std::optional<std::string> private_note;
  std::optional<std::int64_t> contact_id;
  std::optional<std::int64_t> customer_address_id;
  std::optional<std::int64_t> payment_value_type;
  std::optional<std::string> shipping_document_url;
  std::optional<std::string> tracking_no;
  std::optional<std::string> reject_reason;
  std::optional<std::string> approved_by_user_id;
  std::optional<std::int64_t> date_approved;
  // Joined: the address of customer_address_id.
  std::optional<std::string> address_location_name;
  std::optional<std::string> address_location;

  std::vector<Discount> discounts;
  std::vector<Installment> installments;

  bool is_integration_order_paid() const {
    if (installments.empty()) return false;
    for (const auto& i : installments) {
      if (i.status != kPaid) return false;
    }
    return true;
  }
};

void write_payment(api::JsonWriter& w, const SalesOrderRecord& o, const api::OutContext& ctx);
void write_recipient(api::JsonWriter& w, const SalesOrderRecord& o, const api::OutContext&);
void write_customer_address(api::JsonWriter& w, const SalesOrderRecord& o, const api::OutContext&);

inline constexpr core::Field<Discount> kDiscountFields[] = {
    {"discountName", "discount_name", &Discount::discount_name},
    {"discountType", "discount_type", &Discount::discount_type},
    {"discountValue", "discount_value", &Discount::discount_value},
    {"discountAmount", "discount_amount", &Discount::discount_amount},
    core::column_only<Discount>("company_id", &Discount::company_id),
    core::column_only<Discount>("sales_order_id", &Discount::sales_order_id),
    core::column_only<Discount>("position", &Discount::position),
};
inline constexpr core::Entity<Discount> kDiscountEntity{"sales_order_discounts", "sd",
                                                        kDiscountFields, ""};

inline constexpr core::Field<Installment> kInstallmentFields[] = {
    {"installmentNumber", "installment_number", &Installment::installment_number},
    {"status", "status", &Installment::status},
    {"installmentValue", "installment_value", &Installment::installment_value},
    {"installmentAmount", "installment_amount", &Installment::installment_amount},
    {"installmentDueDate", "installment_due_date", &Installment::installment_due_date,
     core::FieldKind::kDateTime},
    {"datePaid", "date_paid", &Installment::date_paid, core::FieldKind::kDateTime},
    core::column_only<Installment>("company_id", &Installment::company_id),
    core::column_only<Installment>("sales_order_id", &Installment::sales_order_id),
};
inline constexpr core::Entity<Installment> kInstallmentEntity{"sales_order_installments", "si",
                                                              kInstallmentFields, ""};

// The sales-order object (§4.11): the fields of the complete Venio example B in its order, then
// the designed.
inline constexpr core::Field<SalesOrderRecord> kSalesOrderFields[] = {
    {"salesOrderSubject", "subject", &SalesOrderRecord::subject},
    {"customerCode", "customer_code", &SalesOrderRecord::customer_code},
    {"customerId", "customer_id", &SalesOrderRecord::customer_id},
    {"salesOrderNo", "sales_order_no", &SalesOrderRecord::sales_order_no, core::Store::kInsert},
    {"salesOrderStatus", "sales_order_status", &SalesOrderRecord::status},
    {"salesOrderDate", "document_date", &SalesOrderRecord::document_date,
     core::FieldKind::kDateTime},
    {"recipientName", "recipient_name", &SalesOrderRecord::recipient_name},
    {"recipientAddress", "recipient_address", &SalesOrderRecord::recipient_address},
    {"headerTemplateId", "header_template_id", &SalesOrderRecord::header_template_id},
    {"warehouseCode", "warehouse_code", &SalesOrderRecord::warehouse_code},
    {"salesorderDetails", api::nested_list<SalesOrderRecord, &SalesOrderRecord::lines,
                                           documents::kSalesOrderLineFields>},
    {"discountName", "discount_name", &SalesOrderRecord::discount_name},
    {"discountValue", "discount_value", &SalesOrderRecord::discount_value},
    {"discountType", "discount_type", &SalesOrderRecord::discount_type},
    {"paymentTerm", "payment_term", &SalesOrderRecord::payment_term},
    {"remark", "remark", &SalesOrderRecord::remark},
    {"staffCode", "staff_code", &SalesOrderRecord::staff_code},
    {"salesOrderNote", "sales_order_note", &SalesOrderRecord::sales_order_note},
    {"vatCalculation", "vat_calculation", &SalesOrderRecord::vat_calculation},
    {"subTotal", "sub_total", &SalesOrderRecord::sub_total},
    {"subTotalWithDiscount", "sub_total_with_discount", &SalesOrderRecord::sub_total_with_discount},
    {"grandTotal", "grand_total", &SalesOrderRecord::grand_total},
    {"totalVat", "total_vat", &SalesOrderRecord::total_vat},
    {"privateNote", "private_note", &SalesOrderRecord::private_note},
    {"referenceNo", "reference_no", &SalesOrderRecord::reference_no},
    {"contactId", "contact_id", &SalesOrderRecord::contact_id},
    {"customerAddressId", "customer_address_id", &SalesOrderRecord::customer_address_id},
    {"currencyCode", "currency_code", &SalesOrderRecord::currency_code},
    {"salesOrderId", "sales_order_id", &SalesOrderRecord::sales_order_id, core::Store::kRead},
    {"payment", api::custom_writer<SalesOrderRecord, write_payment>},
    // No invoicing in this API (designed).
    {"invoiceInfo", api::null_value<SalesOrderRecord>},
    {"shippingDocumentUrl", "shipping_document_url", &SalesOrderRecord::shipping_document_url},
    {"trackingNo", "tracking_no", &SalesOrderRecord::tracking_no},
    {"discounts",
     api::nested_list<SalesOrderRecord, &SalesOrderRecord::discounts, kDiscountFields>},
    // Marketplace integrations are out of scope (designed).
    {"integrationPlatform", api::int_value<SalesOrderRecord, 0>},
    core::json_only<SalesOrderRecord>("isIntegrationOrderPaid",
                                      &SalesOrderRecord::is_integration_order_paid),
    {"recipient", api::custom_writer<SalesOrderRecord, write_recipient>},
    {"salesOrderCustomerAddress", api::custom_writer<SalesOrderRecord, write_customer_address>},
    {"isIncludeVat", "include_vat", &SalesOrderRecord::include_vat},
    {"totalWht", "total_wht", &SalesOrderRecord::total_wht},
    {"dealNo", "deal_no", &SalesOrderRecord::deal_no},
    {"rejectReason", "reject_reason", &SalesOrderRecord::reject_reason},
    {"approvedByUserId", "approved_by_user_id", &SalesOrderRecord::approved_by_user_id},
    {"dateApproved", "date_approved", &SalesOrderRecord::date_approved, core::FieldKind::kDateTime},
    {"createdByUserId", "created_by_user_id", &SalesOrderRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &SalesOrderRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"updatedByUserId", "updated_by_user_id", &SalesOrderRecord::updated_by_user_id},
    {"dateUpdated", "date_updated", &SalesOrderRecord::date_updated, core::FieldKind::kDateTime},
    core::column_only<SalesOrderRecord>("company_id", &SalesOrderRecord::company_id,
                                        core::Store::kInsert),
    core::column_only<SalesOrderRecord>("staff_user_id", &SalesOrderRecord::staff_user_id),
    core::column_only<SalesOrderRecord>("deal_id", &SalesOrderRecord::deal_id),
    core::column_only<SalesOrderRecord>("payment_value_type",
                                        &SalesOrderRecord::payment_value_type),
    core::column_only<SalesOrderRecord>(
        "ca.location_name", &SalesOrderRecord::address_location_name, core::Store::kRead),
    core::column_only<SalesOrderRecord>("ca.location", &SalesOrderRecord::address_location,
                                        core::Store::kRead),
};
inline constexpr core::Entity<SalesOrderRecord> kSalesOrderEntity{
    "sales_orders",
    "so",
    kSalesOrderFields,
    "sales_order_id",
    " LEFT JOIN customer_addresses ca ON ca.company_id = so.company_id AND ca.address_id = "
    "so.customer_address_id",
    core::KeyGen::kCompanyFirst};

// Get a SalesOrders By Id (§4.11.2): the legacy view, which shows what it names first and then
// the rest of the sales-order object.
struct LegacyOrder {
  const SalesOrderRecord* order = nullptr;
  std::vector<attachments::Attachment> attachments;
  std::optional<customers::CustomerRecord> customer;
  std::optional<employees::EmployeeRecord> user_info;
  // The seller: the order's header template.
  std::optional<std::string> seller_name, seller_tax_no, seller_branch_code, seller_address,
      seller_phone, seller_email;
};
void write_legacy_order(api::JsonWriter& w, const LegacyOrder& o, const api::OutContext& ctx);

// Reject SaleOrder's result per order (§4.11.5).
struct RejectResult {
  std::int64_t sales_order_id = 0;
  std::optional<std::string> sales_order_no;
  bool is_success = false;
  std::string error;
};
inline constexpr core::Field<RejectResult> kRejectResultFields[] = {
    core::json_only<RejectResult>("salesOrderId", &RejectResult::sales_order_id),
    core::json_only<RejectResult>("salesOrderNo", &RejectResult::sales_order_no),
    core::json_only<RejectResult>("isSuccess", &RejectResult::is_success),
    {"error", api::custom_writer<RejectResult, api::write_result_error<RejectResult>>},
};

// --- Inputs ------------------------------------------------------------------------------------

inline constexpr documents::InputNames kNames{
    "salesOrderSubject", "salesOrderDate", "salesOrderDetails", "whtTaxValue", "whTaxValue", true};

struct DiscountInput {
  std::optional<std::string> discount_name;
  std::optional<bool> discount_type;
  std::optional<core::Decimal> discount_value;
};
struct InstallmentInput {
  std::int64_t installment_number = 0;
  core::Decimal installment_value;
  std::optional<core::UnixSeconds> installment_due_date;
};
struct PaymentInput {
  std::optional<std::int64_t> value_type;
  std::vector<InstallmentInput> schedule;
};

// Create Or Update SalesOrder (§4.11.1).
struct SalesOrderInput {
  documents::DocumentInput doc;
  std::optional<std::string> sales_order_no;  // the update key
  std::optional<int> status;
  api::Input<std::vector<DiscountInput>> discounts;
  api::Input<std::string> warehouse_code;
  api::Input<std::string> sales_order_note;
  api::Input<std::string> private_note;
  api::Input<std::int64_t> contact_id;
  api::Input<std::int64_t> customer_address_id;
  api::Input<PaymentInput> payment;
  api::Input<std::vector<attachments::InputItem>> attachments;
};

struct PaymentUpdate {
  std::int64_t installment_number = 0;
  int status = kUnpaid;
};

}  // namespace ov::sales_orders
