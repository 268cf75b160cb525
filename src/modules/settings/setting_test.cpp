// Header templates on every backend: exactly one default per company and document type, held
// by the schema whatever SQL is run against it.
#include <gtest/gtest.h>

#include "modules/settings/setting_repository.hpp"
#include "modules/test_company.hpp"
#include "storage/master_lists.hpp"

namespace ov::settings {
namespace {

class HeaderTemplateTest : public modules::DemoCompanyTest {
 protected:
  HeaderTemplateTest() : DemoCompanyTest(1739509200) {}

  // The default template ids of document type `type`, as the list shows them.
  std::vector<std::int64_t> defaults(std::int64_t type) {
    std::vector<std::int64_t> out;
    (*db_)->read_now([&](storage::Session& s) {
      for (const auto& row : storage::list_master(s, kHeaderTemplates, company_, true, {type})) {
        if (std::get<bool>(row.extras[1])) out.push_back(row.id);
      }
    });
    return out;
  }
  // Runs `sql` in a transaction of its own; true when the database accepted it.
  bool accepted(const std::string& sql, std::initializer_list<storage::Value> params) {
    try {
      (*db_)->write_now([&](storage::Session& s) { s.exec(sql, params); });
      return true;
    } catch (const std::exception&) {
      return false;
    }
  }
};
OV_ON_EVERY_BACKEND(HeaderTemplateTest);

TEST_P(HeaderTemplateTest, EachDocumentTypeStartsWithOneDefault) {
  EXPECT_EQ(defaults(kSalesOrder), (std::vector<std::int64_t>{kSalesOrderTemplateId}));
  EXPECT_EQ(defaults(kQuotation), (std::vector<std::int64_t>{kQuotationTemplateId}));
}

TEST_P(HeaderTemplateTest, TheDefaultMovesButIsNeverTwoOrNone) {
  (*db_)->write_now([&](storage::Session& s) { make_default_header_template(s, company_, 3); });
  EXPECT_EQ(defaults(kSalesOrder), (std::vector<std::int64_t>{3}));
  // A second default row for the type, removing the default, a default of another type,
  // deleting or deactivating the default template: all refused by the schema.
  EXPECT_FALSE(
      accepted("INSERT INTO header_template_defaults (company_id, document_type, "
               "header_template_id) VALUES (?, 2, 1)",
               {company_}));
  EXPECT_FALSE(
      accepted("DELETE FROM header_template_defaults WHERE company_id = ? AND document_type = 2",
               {company_}));
  EXPECT_FALSE(
      accepted("UPDATE header_template_defaults SET header_template_id = 2 WHERE "
               "company_id = ? AND document_type = 2",
               {company_}));
  EXPECT_FALSE(accepted(
      "DELETE FROM header_templates WHERE company_id = ? AND header_template_id = 3", {company_}));
  EXPECT_FALSE(accepted(
      "UPDATE header_templates SET is_active = 0 WHERE company_id = ? AND header_template_id = 3",
      {company_}));
  EXPECT_EQ(defaults(kSalesOrder), (std::vector<std::int64_t>{3}));
  // A template that is not the default may go inactive, and then cannot become it.
  EXPECT_TRUE(accepted(
      "UPDATE header_templates SET is_active = 0 WHERE company_id = ? AND header_template_id = 1",
      {company_}));
  EXPECT_FALSE(
      accepted("UPDATE header_template_defaults SET header_template_id = 1 WHERE "
               "company_id = ? AND document_type = 2",
               {company_}));
}

}  // namespace
}  // namespace ov::settings
