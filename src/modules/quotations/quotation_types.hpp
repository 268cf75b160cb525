// The Quotation section's record, statuses and inputs (ENDPOINTS.md §4.10, §4.9.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/json_fields.hpp"
#include "core/fields.hpp"
#include "modules/documents/documents.hpp"

namespace ov::quotations {

// Quotation statuses (§4.9.2).
inline constexpr int kDraft = 1;
inline constexpr int kAwaitingApproval = 2;
inline constexpr int kAwaitingSending = 3;
inline constexpr int kSent = 4;
inline constexpr int kCompleted = 5;
inline constexpr int kRejected = 6;
inline constexpr int kCancelled = 7;

// §4.9.2: the statuses Create Update Quotation may set from each status (0: a new quotation).
inline constexpr int kFromNew[] = {1, 2};
inline constexpr int kFromDraft[] = {1, 2, 7};
inline constexpr int kFromAwaitingApproval[] = {1, 2, 3, 6, 7};
inline constexpr int kFromAwaitingSending[] = {3, 4, 7};
inline constexpr int kFromSent[] = {4, 5, 7};
inline constexpr int kFromRejected[] = {1, 2, 6, 7};
inline constexpr documents::Transition kTransitions[] = {
    {0, kFromNew},
    {kDraft, kFromDraft},
    {kAwaitingApproval, kFromAwaitingApproval},
    {kAwaitingSending, kFromAwaitingSending},
    {kSent, kFromSent},
    {kRejected, kFromRejected},
};
// Content changes only in these; in 3 and 4 an upsert changes the status, note and remark.
inline bool content_editable(int status) {
  return status == kDraft || status == kAwaitingApproval || status == kRejected;
}
// Convert (§4.10.2) takes an approved or sent quotation; Cancel (§4.10.5) any but a final one.
inline bool convertible(int status) { return status == kAwaitingSending || status == kSent; }
inline bool cancellable(int status) { return status != kCompleted && status != kCancelled; }

struct QuotationRecord : documents::DocumentRecord {
  std::int64_t quotation_id = 0;
  std::string quotation_no;
  core::UnixSeconds valid_until = 0;
  std::optional<std::string> quotation_note;
  std::optional<std::string> contact_name;
  std::optional<std::string> sales_order_no;
  std::optional<std::string> cancel_reason;
};

// The quotation object (§4.10): the Venio schema's 19 fields in its order, then the designed.
inline constexpr core::Field<QuotationRecord> kQuotationFields[] = {
    {"quotationSubject", "subject", &QuotationRecord::subject},
    {"customerCode", "customer_code", &QuotationRecord::customer_code},
    {"customerId", "customer_id", &QuotationRecord::customer_id},
    {"quotationNo", "quotation_no", &QuotationRecord::quotation_no, core::Store::kInsert},
    {"quotationStatus", "quotation_status", &QuotationRecord::status},
    {"quotationNote", "quotation_note", &QuotationRecord::quotation_note},
    {"quotationDate", "document_date", &QuotationRecord::document_date, core::FieldKind::kDateTime},
    {"recipientName", "recipient_name", &QuotationRecord::recipient_name},
    {"recipientAddress", "recipient_address", &QuotationRecord::recipient_address},
    {"headerTemplateId", "header_template_id", &QuotationRecord::header_template_id},
    {"quotationDetails",
     api::nested_list<QuotationRecord, &QuotationRecord::lines, documents::kQuotationLineFields>},
    {"discountName", "discount_name", &QuotationRecord::discount_name},
    {"discountValue", "discount_value", &QuotationRecord::discount_value},
    {"discountType", "discount_type", &QuotationRecord::discount_type},
    {"remark", "remark", &QuotationRecord::remark},
    {"staffCode", "staff_code", &QuotationRecord::staff_code},
    {"vatCalculation", "vat_calculation", &QuotationRecord::vat_calculation},
    {"subTotal", "sub_total", &QuotationRecord::sub_total},
    {"subTotalWithDiscount", "sub_total_with_discount", &QuotationRecord::sub_total_with_discount},
    {"grandTotal", "grand_total", &QuotationRecord::grand_total},
    {"totalVat", "total_vat", &QuotationRecord::total_vat},
    {"totalWht", "total_wht", &QuotationRecord::total_wht},
    {"isIncludeVat", "include_vat", &QuotationRecord::include_vat},
    {"quotationValidUntil", "valid_until", &QuotationRecord::valid_until,
     core::FieldKind::kDateTime},
    {"referenceNo", "reference_no", &QuotationRecord::reference_no},
    {"contactName", "contact_name", &QuotationRecord::contact_name},
    {"currencyCode", "currency_code", &QuotationRecord::currency_code},
    {"paymentTerm", "payment_term", &QuotationRecord::payment_term},
    {"dealNo", "deal_no", &QuotationRecord::deal_no},
    {"quotationId", "quotation_id", &QuotationRecord::quotation_id, core::Store::kRead},
    {"salesOrderNo", "sales_order_no", &QuotationRecord::sales_order_no},
    {"cancelReason", "cancel_reason", &QuotationRecord::cancel_reason},
    {"createdByUserId", "created_by_user_id", &QuotationRecord::created_by_user_id,
     core::Store::kInsert},
    {"dateCreated", "date_created", &QuotationRecord::date_created, core::FieldKind::kDateTime,
     core::Store::kInsert},
    {"updatedByUserId", "updated_by_user_id", &QuotationRecord::updated_by_user_id},
    {"dateUpdated", "date_updated", &QuotationRecord::date_updated, core::FieldKind::kDateTime},
    core::column_only<QuotationRecord>("company_id", &QuotationRecord::company_id,
                                       core::Store::kInsert),
    core::column_only<QuotationRecord>("staff_user_id", &QuotationRecord::staff_user_id),
    core::column_only<QuotationRecord>("deal_id", &QuotationRecord::deal_id),
};
inline constexpr core::Entity<QuotationRecord> kQuotationEntity{
    "quotations", "q", kQuotationFields, "quotation_id", "", core::KeyGen::kCompanyFirst};

// Convert's payload (§4.10.2).
struct Conversion {
  std::string quotation_no;
  int quotation_status = kCompleted;
  std::string sales_order_no;
  std::int64_t sales_order_id = 0;
};
inline constexpr core::Field<Conversion> kConversionFields[] = {
    core::json_only<Conversion>("quotationNo", &Conversion::quotation_no),
    core::json_only<Conversion>("quotationStatus", &Conversion::quotation_status),
    core::json_only<Conversion>("salesOrderNo", &Conversion::sales_order_no),
    core::json_only<Conversion>("salesOrderId", &Conversion::sales_order_id),
};

// --- Inputs ------------------------------------------------------------------------------------

// The JSON names of the shared body in a quotation (§4.10.1).
inline constexpr documents::InputNames kNames{
    "quotationSubject", "quotationDate", "quotationDetails", "whTaxValue", "whtTaxValue", false};

// Create Update Quotation (§4.10.1).
struct QuotationInput {
  documents::DocumentInput doc;
  std::optional<std::string> quotation_no;  // the update key
  int status = kDraft;
  core::UnixSeconds valid_until = 0;
  api::Input<std::string> quotation_note;
  api::Input<std::string> contact_name;
};

// Quotation Enquiry (§4.10.3).
struct EnquiryInput {
  std::optional<std::string> quotation_no;
  std::optional<int> status;
  std::optional<std::string> staff_code;
  std::optional<std::string> customer_code;
  // The local midnight of quotationDate's day.
  std::optional<core::UnixSeconds> day_start;
  std::int64_t take = 0;
  std::int64_t skip = 0;
};

}  // namespace ov::quotations
