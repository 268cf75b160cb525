// The totals of a money document (ENDPOINTS.md §4.9.1), in exact decimals: line amounts and
// their discounts, the document discounts in order, VAT on top or included, and withholding
// tax, which is reported and never subtracted. Rounding is half-up to 2 decimals, only at the
// points §4.9.1 marks. No storage and no JSON here: the quotation and the sales order both
// give their lines and settings and read the results back.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/money.hpp"

namespace ov::documents {

// A discount as documents carry it: `percent` true (discountType true) takes discountValue
// per cent of what it applies to, false an amount; no value, or 0, is no discount.
struct Discount {
  std::optional<bool> percent;
  std::optional<core::Decimal> value;
};

// What a line contributes.
struct LineAmounts {
  core::Decimal qty;
  core::Decimal price;
  Discount discount;
  core::Decimal wht_rate;  // per cent, 0 when none
};

struct VatMode {
  bool vat_calculation = false;
  bool include_vat = false;
  core::Decimal rate = core::Decimal::of(7);  // the tenant's, per cent
};

struct Totals {
  std::vector<core::Decimal> line_totals;  // totalPrice per line
  core::Decimal sub_total;
  // The amount of each document discount: the header's first, then each of `extras`.
  core::Decimal header_discount;
  std::vector<core::Decimal> extra_discounts;
  core::Decimal sub_total_with_discount;
  core::Decimal total_vat;
  core::Decimal grand_total;
  core::Decimal total_wht;
};

// Where the problems of a document's amounts are reported: the lines' JSON name
// ("quotationDetails") and the extra discounts' ("discounts").
struct TotalsFields {
  std::string lines;
  std::string extras = "discounts";
};

// The totals of §4.9.1. A percent over 100, or an amount discount over what it applies to,
// is a problem of its field; every problem is collected and thrown together (400, 4001 with
// one, 4002 with several).
Totals compute_totals(std::span<const LineAmounts> lines, const Discount& header,
                      std::span<const Discount> extras, const VatMode& vat,
                      const TotalsFields& fields);

}  // namespace ov::documents
