// The Employee section over HTTP (ENDPOINTS.md §4.6) in envelope family V (§7.3): Get a Employee
// by GUID or staff code, and Employees Enquiry with the fields of §4.6.1 and those a published
// client sends, on its PascalCase path too.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/employees/employee_service.hpp"
#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

constexpr core::UnixSeconds kNow = 1739509200;
constexpr const char* kNowText = "2025-02-14T12:00:00+0700";
constexpr const char* kAssignee = "6d473b8f-a6b3-4536-b1e6-f4b7688414e2";

const std::vector<std::string> kEmployeeKeys = {"userId",
                                                "username",
                                                "companyId",
                                                "companyName",
                                                "teamId",
                                                "teamName",
                                                "staffCode",
                                                "title",
                                                "firstname",
                                                "lastname",
                                                "fullname",
                                                "nickname",
                                                "position",
                                                "email",
                                                "phoneNumber",
                                                "orgString",
                                                "orgLevel",
                                                "latitude",
                                                "longitude",
                                                "location",
                                                "locationName",
                                                "isActive",
                                                "createdByUserId",
                                                "hasPicture",
                                                "dateCreated",
                                                "dateModified",
                                                "role",
                                                "roleId",
                                                "level",
                                                "siteId",
                                                "isAgreementPDPA",
                                                "dateAgreementPDPA",
                                                "pictureUrl"};

std::string v_not_found(const std::string& message) {
  return one_problem_body(api::Family::kV, message, 404);
}

class EmployeeApi : public ::testing::Test {
 protected:
  HttpResponse get(const std::string& key) {
    return client_.request("GET", "/v1/employees/" + key, company_.auth());
  }
  HttpResponse enquiry(const std::string& body, const std::string& path = "/v1/employees/enquiry") {
    return client_.request("POST", path, company_.auth_json(), body);
  }
  // The staff codes (or "-" for none) of an enquiry's items, in order.
  std::vector<std::string> codes(const std::string& body) {
    auto res = enquiry(body);
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<std::string> out;
    auto doc = res.json();
    if (!doc.IsObject() || !doc.HasMember("data")) return out;
    for (const auto& e : doc["data"]["value"].GetArray()) {
      out.emplace_back(e["staffCode"].IsNull() ? "-" : e["staffCode"].GetString());
    }
    return out;
  }
  void add(employees::NewEmployee e) {
    server_.db().write_now(
        [&](storage::Session& s) { employees::add_employee(s, company_.id, e, kNow); });
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

TEST_F(EmployeeApi, AnEmployeeIsTheFullObjectInFamilyV) {
  auto res = get(kAssignee);
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  // Family V: no status object on success.
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"data"}));
  EXPECT_EQ(keys_of(doc["data"]), (std::vector<std::string>{"value"}));
  const auto& e = doc["data"]["value"];
  EXPECT_EQ(keys_of(e), kEmployeeKeys);
  EXPECT_STREQ(e["userId"].GetString(), kAssignee);
  EXPECT_STREQ(e["username"].GetString(), "somchai@example.com");
  EXPECT_EQ(e["companyId"].GetInt64(), company_.id);
  EXPECT_TRUE(e["companyName"].IsString());
  EXPECT_EQ(e["teamId"].GetInt64(), 1);
  EXPECT_STREQ(e["teamName"].GetString(), "Bangkok sales");
  EXPECT_STREQ(e["staffCode"].GetString(), "staff01");
  EXPECT_TRUE(e["title"].IsNull());
  EXPECT_STREQ(e["firstname"].GetString(), "Somchai");
  EXPECT_STREQ(e["lastname"].GetString(), "Jaidee");
  EXPECT_STREQ(e["fullname"].GetString(), "Somchai Jaidee");
  EXPECT_STREQ(e["position"].GetString(), "Sales executive");
  EXPECT_STREQ(e["phoneNumber"].GetString(), "081-234-5678");
  EXPECT_EQ(e["orgLevel"].GetInt(), 0);
  EXPECT_TRUE(e["latitude"].IsNull());
  EXPECT_TRUE(e["isActive"].GetBool());
  EXPECT_TRUE(e["createdByUserId"].IsString());
  EXPECT_EQ(std::string(e["createdByUserId"].GetString()), company_.admin_user_id);
  EXPECT_FALSE(e["hasPicture"].GetBool());
  EXPECT_STREQ(e["dateCreated"].GetString(), kNowText);
  EXPECT_STREQ(e["dateModified"].GetString(), kNowText);
  EXPECT_STREQ(e["role"].GetString(), "Staff");
  EXPECT_STREQ(e["roleId"].GetString(), "3");
  EXPECT_EQ(e["level"].GetInt(), 0);
  EXPECT_TRUE(e["siteId"].IsNull());
  EXPECT_FALSE(e["isAgreementPDPA"].GetBool());
  EXPECT_TRUE(e["dateAgreementPDPA"].IsNull());
  EXPECT_TRUE(e["pictureUrl"].IsNull());
}

TEST_F(EmployeeApi, AGuidOrElseAStaffCodeNamesTheEmployee) {
  auto by_id = get(kAssignee);
  EXPECT_EQ(get("6D473B8F-A6B3-4536-B1E6-F4B7688414E2").body, by_id.body);
  EXPECT_EQ(get("STAFF01").body, by_id.body);
  // The legacy spelling of the path.
  EXPECT_EQ(client_.request("GET", "/v1/Employees/staff01", company_.auth()).body, by_id.body);
  EXPECT_EQ(get("staff99").body, v_not_found("Employee staff99 was not found"));
  EXPECT_EQ(get("00000000-0000-4000-8000-000000000000").body,
            v_not_found("Employee 00000000-0000-4000-8000-000000000000 was not found"));
  // The API client's own user is no employee.
  EXPECT_EQ(get("23108b99-ee24-43c4-b9e7-58dc6a4e16a2").status, 404);
  EXPECT_EQ(get(std::string(51, 'x')).body,
            v_not_found("Employee ids and staff codes are at most 50 characters; no such "
                        "employee exists"));
}

TEST_F(EmployeeApi, AnInactiveEmployeeIsReadButNotListedByDefault) {
  server_.db().write_now([&](storage::Session& s) {
    employees::deactivate_employee(s, company_.id, "staff02", kNow);
  });
  auto res = get("staff02");
  ASSERT_EQ(res.status, 200);
  EXPECT_FALSE(res.json()["data"]["value"]["isActive"].GetBool());
  EXPECT_EQ(codes(R"({"take":10})"),
            (std::vector<std::string>{"-", "00004", "Admin01", "STAFF-001", "staff01"}));
  EXPECT_EQ(codes(R"({"take":10,"isActive":null})"),
            (std::vector<std::string>{"-", "00004", "Admin01", "STAFF-001", "staff01", "staff02"}));
  EXPECT_EQ(codes(R"({"take":10,"isActive":false})"), (std::vector<std::string>{"staff02"}));
  // The published client's status: 1 active, 2 inactive, null all.
  EXPECT_EQ(codes(R"({"take":10,"status":2})"), (std::vector<std::string>{"staff02"}));
  EXPECT_EQ(codes(R"({"take":10,"status":1})"),
            (std::vector<std::string>{"-", "00004", "Admin01", "STAFF-001", "staff01"}));
  EXPECT_EQ(codes(R"({"take":10,"status":null})").size(), 6u);
  // isActive, the canonical name, wins over status.
  EXPECT_EQ(codes(R"({"take":10,"status":2,"isActive":true})").size(), 5u);
}

TEST_F(EmployeeApi, TheEnquiryFiltersOrdersAndPages) {
  for (int i = 0; i < 4; ++i) {
    employees::NewEmployee e;
    e.first_name = "ประเสริฐ";
    e.last_name = "สุขใจ" + std::to_string(i);
    e.staff_code = "N" + std::to_string(i);
    e.team = "North";
    e.email = "n" + std::to_string(i) + "@example.com";
    add(e);
  }
  auto res = enquiry(R"({"take":2,"skip":1})");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "10");
  auto doc = res.json();
  ASSERT_EQ(doc["data"]["value"].Size(), 2u);
  EXPECT_EQ(keys_of(doc["data"]["value"][0]), kEmployeeKeys);
  // Default order: staff code (none first), case-insensitively, then user id.
  EXPECT_EQ(codes(R"({"take":10})"),
            (std::vector<std::string>{"-", "00004", "Admin01", "N0", "N1", "N2", "N3", "STAFF-001",
                                      "staff01", "staff02"}));
  EXPECT_EQ(codes(R"({"take":10,"orderBy":"staffCode desc"})"),
            (std::vector<std::string>{"staff02", "staff01", "STAFF-001", "N3", "N2", "N1", "N0",
                                      "Admin01", "00004", "-"}));
  EXPECT_EQ(codes(R"({"take":10,"teamIds":[2]})"),
            (std::vector<std::string>{"N0", "N1", "N2", "N3"}));
  EXPECT_EQ(codes(R"({"take":10,"teamId":1})"),
            (std::vector<std::string>{"00004", "Admin01", "STAFF-001", "staff01", "staff02"}));
  EXPECT_EQ(codes(R"({"take":10,"staffCodes":["n2","STAFF02","nobody"]})"),
            (std::vector<std::string>{"N2", "staff02"}));
  // keyword: fullname, nickname, staff code or e-mail; a Thai substring; ASCII in any case.
  EXPECT_EQ(codes(R"({"take":10,"keyword":"สุขใจ2"})"), (std::vector<std::string>{"N2"}));
  EXPECT_EQ(codes(R"({"take":10,"keyword":"SRISUK"})"), (std::vector<std::string>{"staff02"}));
  EXPECT_EQ(codes(R"({"take":10,"keyword":"Da"})"), (std::vector<std::string>{"staff02"}));
  EXPECT_EQ(codes(R"({"take":10,"keyword":"n3@EXAMPLE"})"), (std::vector<std::string>{"N3"}));
}

TEST_F(EmployeeApi, ThePublishedClientsRequestIsUnderstood) {
  // What an employee-directory client sends, on the path it uses (§7.3).
  auto res = enquiry(
      R"({"keyWord":"somchai","pageLength":20,"skip":0,"orderBy":0,"teamId":null,"status":null,)"
      R"("employeeType":null,"type":null})",
      "/v1/Employees/Enquiry");
  ASSERT_EQ(res.status, 200) << res.body;
  auto doc = res.json();
  ASSERT_TRUE(doc["data"]["value"].IsArray());
  ASSERT_EQ(doc["data"]["value"].Size(), 1u);
  const auto& e = doc["data"]["value"][0];
  for (const char* key : {"userId", "staffCode", "fullname", "role", "pictureUrl"}) {
    EXPECT_TRUE(e.HasMember(key)) << key;
  }
  EXPECT_STREQ(e["fullname"].GetString(), "Somchai Jaidee");
  // pageLength is take, capped at 1000.
  EXPECT_EQ(enquiry(R"({"pageLength":5000})").status, 200);
}

TEST_F(EmployeeApi, BadEnquiriesAreRefusedInFamilyV) {
  auto one = [](const std::string& message) {
    return one_problem_body(api::Family::kV, message, 400);
  };
  EXPECT_EQ(enquiry("{}").body, one("take is required"));
  EXPECT_EQ(enquiry(R"({"pageLength":0})").body, one("pageLength must be at least 1"));
  EXPECT_EQ(enquiry(R"({"take":5,"orderBy":1})").body,
            one("orderBy must be 0 (the default order) or a list of fields"));
  EXPECT_EQ(enquiry(R"({"take":5,"orderBy":"salary"})").body,
            one("orderBy field salary is not a sortable field"));
  EXPECT_EQ(enquiry(R"({"take":5,"employeeType":1})").body, one("employeeType is not supported"));
  EXPECT_EQ(enquiry(R"({"take":5,"type":"x"})").body, one("type is not supported"));
  EXPECT_EQ(enquiry(R"({"take":5,"status":3})").body, one("status must be between 1 and 2"));
  EXPECT_EQ(enquiry(R"({"take":5,"teamIds":"1"})").body,
            one("teamIds must be an array of integers"));
  EXPECT_EQ(
      enquiry(R"({"take":5,"staffCodes":[""],"isActive":"sometimes"})").body,
      problems_body(api::Family::kV, {{"staffCodes[0]", "staffCodes[0] must be a non-empty string"},
                                      {"isActive", "isActive must be a boolean"}}));
  EXPECT_EQ(enquiry("[1]").status, 400);
}

TEST_F(EmployeeApi, APictureUrlIsShownWithHasPicture) {
  server_.db().write_now([&](storage::Session& s) {
    employees::EmployeeChanges c;
    c.picture_url = "https://cdn.example.com/staff01.jpg";
    employees::update_employee(s, company_.id, "staff01", c, kNow);
  });
  auto e = get("staff01").json();
  EXPECT_TRUE(e["data"]["value"]["hasPicture"].GetBool());
  EXPECT_STREQ(e["data"]["value"]["pictureUrl"].GetString(), "https://cdn.example.com/staff01.jpg");
}

}  // namespace
}  // namespace ov::test
