#include "modules/quotations/quotation_repository.hpp"

#include "modules/refs.hpp"
#include "storage/paging.hpp"
#include "storage/sql.hpp"
#include "storage/table.hpp"

namespace ov::quotations {

namespace {

const storage::Table<QuotationRecord> kQuotations(kQuotationEntity);

}  // namespace

std::optional<QuotationRecord> QuotationRepository::find(std::int64_t company_id,
                                                         std::optional<std::int64_t> id,
                                                         std::string_view no) {
  static const std::string by_id =
      kQuotations.select() + " WHERE q.company_id = ? AND q.quotation_id = ?";
  static const std::string by_no =
      kQuotations.select() + " WHERE q.company_id = ? AND lower(q.quotation_no) = lower(?)";
  auto rows = id ? s_.query(by_id, {company_id, *id}) : s_.query(by_no, {company_id, no});
  if (!rows.next()) return std::nullopt;
  auto q = kQuotations.read(rows);
  q.lines = documents::load_lines(s_, company_id, documents::kQuotation, q.quotation_id);
  return q;
}

std::optional<QuotationRecord> QuotationRepository::find_for_update(std::int64_t company_id,
                                                                    std::string_view no,
                                                                    bool by_reference) {
  std::optional<std::int64_t> id;
  if (by_reference) {
    // The newest quotation carrying the reference, locked as find_for_write locks.
    std::string sql =
        "SELECT quotation_id FROM quotations WHERE company_id = ? AND lower(reference_no) = "
        "lower(?) ORDER BY quotation_id DESC LIMIT 1";
    if (s_.concurrent_writers()) sql += " FOR UPDATE";
    id = s_.query_i64(sql, {company_id, no});
  } else {
    id = storage::find_for_write(s_, {"quotations", "quotation_id", "quotation_no"}, company_id,
                                 std::nullopt, no);
  }
  if (!id) return std::nullopt;
  return find(company_id, *id, "");
}

void QuotationRepository::insert(QuotationRecord& q) {
  q.quotation_id = kQuotations.insert(s_, q);
  documents::save_lines(s_, documents::kQuotation, q.quotation_id, q, false);
}

void QuotationRepository::update(const QuotationRecord& before, QuotationRecord& q, bool content) {
  kQuotations.update_changed(s_, before, q);
  if (content) documents::save_lines(s_, documents::kQuotation, q.quotation_id, q);
}

core::Page<QuotationRecord> QuotationRepository::enquiry(std::int64_t company_id,
                                                         const EnquiryInput& in) {
  storage::Sql where;
  where.add(" FROM quotations q WHERE q.company_id = ?").bind(company_id);
  if (in.quotation_no)
    where.add(" AND lower(q.quotation_no) = lower(?)").bind_text(*in.quotation_no);
  if (in.status) where.add(" AND q.quotation_status = ?").bind(std::int64_t{*in.status});
  if (in.staff_code) {
    // The user with that staff code, active or not; a code no user has matches nothing.
    auto user =
        s_.query("SELECT user_id FROM users WHERE company_id = ? AND lower(staff_code) = lower(?)",
                 {company_id, *in.staff_code});
    if (!user.next()) return {};
    where.add(" AND q.staff_user_id = ?").bind_text(user.str(0));
  }
  if (in.customer_code) {
    auto customer = refs::find_customer_ref(s_, company_id, *in.customer_code);
    if (!customer) return {};
    where.add(" AND q.customer_id = ?").bind(customer->customer_id);
  }
  // A quotation's date is stored as its day's local midnight (ObjectReader::date), so a day is
  // one value: quotations_status_day and quotations_day then give the page in order.
  if (in.day_start) where.add(" AND q.document_date = ?").bind(*in.day_start);
  // The count and the page, each one walk of the index that holds the filters in the order
  // asked (the page stops after its rows); the page's lines in one statement.
  auto page =
      storage::run_page(s_, kQuotations, where, false,
                        " ORDER BY q.date_created DESC, q.quotation_id DESC", in.take, in.skip);
  std::vector<std::int64_t> ids;
  for (const auto& q : page.items) ids.push_back(q.quotation_id);
  auto lines = documents::load_lines_of(s_, company_id, documents::kQuotation, ids);
  for (auto& q : page.items) q.lines = std::move(lines[q.quotation_id]);
  return page;
}

}  // namespace ov::quotations
