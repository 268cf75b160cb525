// SQL of the Quotation section. Every statement is confined to one company.
#pragma once

#include <optional>
#include <string_view>

#include "core/query.hpp"
#include "modules/quotations/quotation_types.hpp"
#include "storage/database.hpp"

namespace ov::quotations {

class QuotationRepository {
 public:
  explicit QuotationRepository(storage::Session& s) : s_(s) {}

  // The quotation with its lines, by number (case-insensitive) or by id.
  std::optional<QuotationRecord> find(std::int64_t company_id, std::optional<std::int64_t> id,
                                      std::string_view no);
  // The same for a write that changes it, the row locked on a backend with concurrent writers;
  // `by_reference` looks the number up as a referenceNo (the newest quotation carrying it).
  std::optional<QuotationRecord> find_for_update(std::int64_t company_id, std::string_view no,
                                                 bool by_reference = false);
  void insert(QuotationRecord& q);
  // Writes the changed columns; with `content` also replaces the lines.
  void update(const QuotationRecord& before, QuotationRecord& q, bool content);
  // Quotation Enquiry: newest first, the page and the number of all matches.
  core::Page<QuotationRecord> enquiry(std::int64_t company_id, const EnquiryInput& in);

 private:
  storage::Session& s_;
};

}  // namespace ov::quotations
