// Quotation and sales-order numbers across two servers sharing one PostgreSQL database
// (ENDPOINTS.md §1.8, issue item "gap-free under concurrency, two servers too"): every create of
// either server takes the next number of the company's month, none twice, none skipped.
#include <gtest/gtest.h>

#include <string>

#include "support/process.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// Bodies every demo company accepts: a one-line quotation and a one-line sales order.
constexpr const char* kQuotation =
    R"({"quotationSubject":"Two servers","quotationDate":"2025-02-14",)"
    R"("quotationValidUntil":"2025-03-14","quotationStatus":1,"customerCode":"C000154",)"
    R"("staffCode":"staff01","vatCalculation":true,)"
    R"("quotationDetails":[{"productCode":"A001","qty":1}]})";
constexpr const char* kSalesOrder =
    R"({"salesOrderSubject":"Two servers","salesOrderDate":"2025-02-14","customerCode":"C000154",)"
    R"("staffCode":"staff01","vatCalculation":true,)"
    R"("salesOrderDetails":[{"productCode":"A003","qty":2}]})";

TEST(DocumentServers, QuotationNumbersStayConsecutiveAcrossTwoServers) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  const auto numbers =
      numbers_from_two_servers("/v2/quotation", kQuotation, "/data/quotationNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  // Q + YYMM, then the sequence.
  expect_consecutive(numbers, 5);
}

TEST(DocumentServers, SalesOrderNumbersStayConsecutiveAcrossTwoServers) {
  if (!testing_postgres()) GTEST_SKIP() << "several servers share a database on PostgreSQL only";
  // Create Or Update SalesOrder answers an array of the one order.
  const auto numbers =
      numbers_from_two_servers("/v2/salesorder", kSalesOrder, "/data/0/salesOrderNo", 10, 10);
  ASSERT_EQ(numbers.size(), 100u);
  // SO + YYMM, then the sequence.
  expect_consecutive(numbers, 6);
}

}  // namespace
}  // namespace ov::test
