// The totals of §4.9.1: its three test vectors, the rules around them (VAT off, on top and
// included, withholding tax, stacked discounts, the bounds of a discount), and a property test
// that holds the server's figures against an independent computation in scaled integers, to
// the satang, for many random documents.
#include "modules/documents/totals.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace ov::documents {
namespace {

core::Decimal d(const char* text) { return *core::Decimal::parse(text, 6); }

LineAmounts line(const char* qty, const char* price, std::optional<bool> percent = std::nullopt,
                 const char* discount = nullptr, const char* wht = "0") {
  LineAmounts l;
  l.qty = d(qty);
  l.price = d(price);
  l.discount.percent = percent;
  if (discount) l.discount.value = d(discount);
  l.wht_rate = d(wht);
  return l;
}

const TotalsFields kFields{"quotationDetails"};
const VatMode kOnTop{true, false, core::Decimal::of(7)};
const VatMode kIncluded{true, true, core::Decimal::of(7)};
const VatMode kNoVat{false, false, core::Decimal::of(7)};

TEST(Totals, VectorOneIsVenioExampleA) {
  const std::vector<LineAmounts> lines = {line("2", "1000", false, "50", "3"),
                                          line("5", "500", true, "10")};
  const auto t = compute_totals(lines, {false, d("100")}, {}, kOnTop, kFields);
  ASSERT_EQ(t.line_totals.size(), 2u);
  EXPECT_EQ(t.line_totals[0], d("1950"));
  // 10 % of 2500, not the docs' 2325 (§6 point 11).
  EXPECT_EQ(t.line_totals[1], d("2250"));
  EXPECT_EQ(t.sub_total, d("4200"));
  EXPECT_EQ(t.header_discount, d("100"));
  EXPECT_EQ(t.sub_total_with_discount, d("4100"));
  EXPECT_EQ(t.total_vat, d("287"));
  EXPECT_EQ(t.grand_total, d("4387"));
  EXPECT_EQ(t.total_wht, d("58.5"));
}

TEST(Totals, VectorOneWithTheDocsLineGivesTheDocsFigures) {
  // With line 2 at the docs' 2325 the docs' other figures follow from the same rules.
  const std::vector<LineAmounts> lines = {line("2", "1000", false, "50"),
                                          line("5", "500", false, "175")};
  const auto t = compute_totals(lines, {false, d("100")}, {}, kOnTop, kFields);
  EXPECT_EQ(t.sub_total, d("4275"));
  EXPECT_EQ(t.sub_total_with_discount, d("4175"));
  EXPECT_EQ(t.grand_total, d("4467.25"));
}

TEST(Totals, VectorTwoIsVenioExampleB) {
  const std::vector<LineAmounts> lines = {line("3.6", "800")};
  const auto t = compute_totals(lines, {true, d("20")}, {}, kIncluded, kFields);
  EXPECT_EQ(t.sub_total, d("2880"));
  EXPECT_EQ(t.sub_total_with_discount, d("2304"));
  EXPECT_EQ(t.grand_total, d("2304"));
  EXPECT_EQ(t.total_vat, d("150.73"));
}

TEST(Totals, VectorThreeRoundsHalfUpAtEachMarkedPoint) {
  const std::vector<LineAmounts> lines = {line("3", "99.99", true, "15")};
  const auto t = compute_totals(lines, {}, {}, kOnTop, kFields);
  // 299.97 − 44.9955 → 45.00 = 254.97; VAT 17.8479 → 17.85.
  EXPECT_EQ(t.line_totals[0], d("254.97"));
  EXPECT_EQ(t.total_vat, d("17.85"));
  EXPECT_EQ(t.grand_total, d("272.82"));
}

TEST(Totals, WithoutVatTheGrandTotalIsTheDiscountedSubtotal) {
  const std::vector<LineAmounts> lines = {line("1.5", "10.01")};
  const auto t = compute_totals(lines, {}, {}, kNoVat, kFields);
  EXPECT_EQ(t.line_totals[0], d("15.02"));  // 15.015 half-up
  EXPECT_EQ(t.total_vat, d("0"));
  EXPECT_EQ(t.grand_total, d("15.02"));
}

TEST(Totals, WithholdingTaxIsReportedNeverSubtractedAndNetOfIncludedVat) {
  const std::vector<LineAmounts> lines = {line("1", "1070", std::nullopt, nullptr, "3")};
  const auto on_top = compute_totals(lines, {}, {}, kOnTop, kFields);
  EXPECT_EQ(on_top.total_wht, d("32.1"));
  EXPECT_EQ(on_top.grand_total, d("1144.9"));
  const auto included = compute_totals(lines, {}, {}, kIncluded, kFields);
  // 1070 includes 70 of VAT: 3 % of 1000.
  EXPECT_EQ(included.total_wht, d("30"));
  EXPECT_EQ(included.grand_total, d("1070"));
  EXPECT_EQ(included.total_vat, d("70"));
}

TEST(Totals, ExtraDiscountsApplyInOrderToTheRunningAmount) {
  const std::vector<LineAmounts> lines = {line("1", "1000")};
  const std::vector<Discount> extras = {{false, d("100")}, {true, d("50")}};
  const auto t = compute_totals(lines, {true, d("10")}, extras, kNoVat, kFields);
  EXPECT_EQ(t.header_discount, d("100"));
  ASSERT_EQ(t.extra_discounts.size(), 2u);
  EXPECT_EQ(t.extra_discounts[0], d("100"));
  EXPECT_EQ(t.extra_discounts[1], d("400"));
  EXPECT_EQ(t.sub_total_with_discount, d("400"));
}

TEST(Totals, ANullOrZeroDiscountIsNone) {
  const std::vector<LineAmounts> lines = {line("2", "10", true, "0"), line("1", "5", false)};
  const auto t = compute_totals(lines, {true, std::nullopt}, {}, kNoVat, kFields);
  EXPECT_EQ(t.sub_total, d("25"));
  EXPECT_EQ(t.sub_total_with_discount, d("25"));
}

TEST(Totals, DiscountsOverWhatTheyApplyToAreEveryOneAProblem) {
  const std::vector<LineAmounts> lines = {line("2", "10", false, "20.01"),
                                          line("1", "10", true, "100.5")};
  try {
    compute_totals(lines, {false, d("30.01")}, std::vector<Discount>{{true, d("101")}}, kNoVat,
                   kFields);
    FAIL() << "expected the discounts to be refused";
  } catch (const core::ApiError& e) {
    ASSERT_EQ(e.problems().size(), 4u);
    EXPECT_EQ(e.problems()[0].field, "quotationDetails[0].discountValue");
    EXPECT_EQ(e.problems()[1].field, "quotationDetails[1].discountValue");
    EXPECT_EQ(e.problems()[2].field, "discountValue");
    EXPECT_EQ(e.problems()[3].field, "discounts[0].discountValue");
  }
  // An amount equal to what it applies to is allowed: the line is free.
  const std::vector<LineAmounts> free = {line("2", "10", false, "20")};
  EXPECT_EQ(compute_totals(free, {}, {}, kOnTop, kFields).grand_total, d("0"));
}

// --- Property: the server's totals against scaled integers --------------------------------

using Int = core::Int128;

// n / d rounded half-up (n, d ≥ 0).
Int round_div(Int n, Int d) { return (2 * n + d) / (2 * d); }

std::string cents_text(Int cents) {
  const bool negative = cents < 0;
  if (negative) cents = -cents;
  auto whole = static_cast<long long>(cents / 100);
  auto frac = static_cast<int>(cents % 100);
  std::string f = std::to_string(frac);
  if (f.size() < 2) f = "0" + f;
  return (negative ? "-" : "") + std::to_string(whole) + "." + f;
}

TEST(TotalsProperty, RandomDocumentsAgreeWithAnIndependentComputationToTheSatang) {
  std::mt19937_64 rng(20261201);
  auto pick = [&](long long lo, long long hi) {
    return std::uniform_int_distribution<long long>(lo, hi)(rng);
  };
  for (int doc = 0; doc < 3000; ++doc) {
    const int n = static_cast<int>(pick(1, 8));
    const Int rate = pick(0, 3) == 0 ? 10 : 7;  // the tenant's VAT rate, whole per cent
    const bool vat = pick(0, 3) != 0;
    const bool included = vat && pick(0, 1) == 1;
    std::vector<LineAmounts> lines;
    Int sub = 0, wht = 0;
    for (int i = 0; i < n; ++i) {
      const Int price = pick(0, 5'000'000);  // satang: up to 50 000.00
      const Int qty = pick(1, 10'000'000);   // 1e-4 units: up to 1 000.0000
      const Int gross = price * qty;         // 1e-6 baht
      LineAmounts l;
      l.price = core::Decimal::from_units(price, 2);
      l.qty = core::Decimal::from_units(qty, 4);
      Int discount = 0;  // satang
      switch (pick(0, 2)) {
        case 0:
          break;
        case 1: {
          const Int percent = pick(0, 10'000);  // 1e-2 per cent: 0.00–100.00
          l.discount = {true, core::Decimal::from_units(percent, 2)};
          discount = round_div(gross * percent, Int{100} * 100 * 10'000);
          break;
        }
        default: {
          const Int most = gross / 10'000;  // whole satang within the gross
          const Int amount = most == 0 ? 0 : pick(0, static_cast<long long>(most));
          l.discount = {false, core::Decimal::from_units(amount, 2)};
          discount = amount;
          break;
        }
      }
      const Int total = round_div(gross - discount * 10'000, 10'000);
      sub += total;
      const Int wht_rate = pick(0, 2) == 0 ? pick(0, 1500) : 0;  // 1e-2 per cent
      l.wht_rate = core::Decimal::from_units(wht_rate, 2);
      if (wht_rate != 0) {
        wht += included ? round_div(total * wht_rate, Int{100} * (100 + rate))
                        : round_div(total * wht_rate, 10'000);
      }
      lines.push_back(l);
    }
    Discount header;
    Int running = sub, header_amount = 0;
    if (pick(0, 1) == 1) {
      const Int percent = pick(0, 10'000);
      header = {true, core::Decimal::from_units(percent, 2)};
      header_amount = round_div(running * percent, 10'000);
    } else if (running > 0) {
      header_amount = pick(0, static_cast<long long>(running));
      header = {false, core::Decimal::from_units(header_amount, 2)};
    }
    running -= header_amount;
    std::vector<Discount> extras;
    for (int k = static_cast<int>(pick(0, 2)); k > 0; --k) {
      const Int percent = pick(0, 5000);
      extras.push_back({true, core::Decimal::from_units(percent, 2)});
      running -= round_div(running * percent, 10'000);
    }
    Int total_vat = 0, grand = running;
    if (vat && !included) {
      total_vat = round_div(running * rate, 100);
      grand = running + total_vat;
    } else if (included) {
      total_vat = round_div(running * rate, 100 + rate);
    }
    const auto t = compute_totals(
        lines, header, extras, {vat, included, core::Decimal::of(static_cast<std::int64_t>(rate))},
        kFields);
    SCOPED_TRACE("document " + std::to_string(doc));
    ASSERT_EQ(t.sub_total.rounded(2).to_string(), cents_text(sub));
    ASSERT_EQ(t.sub_total_with_discount.rounded(2).to_string(), cents_text(running));
    ASSERT_EQ(t.total_vat.rounded(2).to_string(), cents_text(total_vat));
    ASSERT_EQ(t.grand_total.rounded(2).to_string(), cents_text(grand));
    ASSERT_EQ(t.total_wht.rounded(2).to_string(), cents_text(wht));
  }
}

}  // namespace
}  // namespace ov::documents
