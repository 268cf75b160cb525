#include "modules/documents/totals.hpp"

namespace ov::documents {

namespace {

const core::Decimal kHundred = core::Decimal::of(100);

// The amount `d` takes from `base`, rounded (⟨r⟩), or a problem at `field`.
core::Decimal discount_amount(const Discount& d, const core::Decimal& base,
                              const std::string& field, std::vector<core::FieldProblem>& problems) {
  if (!d.value || d.value->is_zero()) return core::Decimal::of(0);
  if (d.value->is_negative()) {
    problems.push_back({field, field + " must not be negative"});
    return core::Decimal::of(0);
  }
  if (d.percent.value_or(false)) {
    if (*d.value > kHundred) {
      problems.push_back({field, field + " must be between 0 and 100 for a percent discount"});
      return core::Decimal::of(0);
    }
    return core::Decimal::divide(base * *d.value, kHundred, 2);
  }
  if (*d.value > base) {
    problems.push_back({field, field + " must not exceed the amount it applies to (" +
                                   base.normalized().to_string() + ")"});
    return core::Decimal::of(0);
  }
  return core::round_money(*d.value);
}

}  // namespace

Totals compute_totals(std::span<const LineAmounts> lines, const Discount& header,
                      std::span<const Discount> extras, const VatMode& vat,
                      const TotalsFields& fields) {
  std::vector<core::FieldProblem> problems;
  Totals t;
  t.sub_total = core::Decimal::of(0);
  // WHT is taken from the line net of VAT when prices include it.
  const bool included = vat.vat_calculation && vat.include_vat;
  t.total_wht = core::Decimal::of(0);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    const auto gross = l.qty * l.price;
    const std::string field = fields.lines + "[" + std::to_string(i) + "].discountValue";
    const auto discount = discount_amount(l.discount, gross, field, problems);
    const auto total = core::round_money(gross - discount);
    t.line_totals.push_back(total);
    t.sub_total += total;
    if (!l.wht_rate.is_zero()) {
      // ⟨r⟩(total × 100 / (100 + R) × rate / 100) in one division, rounded once.
      t.total_wht += included ? core::Decimal::divide(total * l.wht_rate, kHundred + vat.rate, 2)
                              : core::Decimal::divide(total * l.wht_rate, kHundred, 2);
    }
  }
  auto running = t.sub_total;
  t.header_discount = discount_amount(header, running, "discountValue", problems);
  running -= t.header_discount;
  for (std::size_t i = 0; i < extras.size(); ++i) {
    const std::string field = fields.extras + "[" + std::to_string(i) + "].discountValue";
    const auto amount = discount_amount(extras[i], running, field, problems);
    t.extra_discounts.push_back(amount);
    running -= amount;
  }
  if (!problems.empty()) throw core::ApiError(std::move(problems));
  t.sub_total_with_discount = running;
  if (!vat.vat_calculation) {
    t.total_vat = core::Decimal::of(0);
    t.grand_total = running;
  } else if (!vat.include_vat) {
    t.total_vat = core::Decimal::divide(running * vat.rate, kHundred, 2);
    t.grand_total = running + t.total_vat;
  } else {
    t.grand_total = running;
    t.total_vat = core::Decimal::divide(running * vat.rate, kHundred + vat.rate, 2);
  }
  return t;
}

}  // namespace ov::documents
