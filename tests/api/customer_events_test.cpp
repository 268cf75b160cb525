// Customer events over HTTP (ENDPOINTS.md §4.3.6-§4.3.10) in envelope family S (§2.1): every
// endpoint's success and error paths, the Venio doc examples verbatim, date filters, soft
// delete and tenancy, on demo companies with a fixed clock.
#include <gtest/gtest.h>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <utility>
#include <vector>

#include "support/json_text.hpp"
#include "support/test_server.hpp"

namespace ov::test {
namespace {

// 2025-04-01T00:30:00+0700.
constexpr core::UnixSeconds kNow = 1743442200;

// The Venio docs' examples (ENDPOINTS.md §4.3.6-§4.3.8), verbatim.
constexpr const char* kDocAddEventRequest = R"({
"eventName": "Meeting with Client",
"eventType": 1,
"eventDate": "2024-02-01T10:00:00",
"description": "Discuss project requirements",
"customerCode": "C000349"
})";
constexpr const char* kDocFilterTarget =
    "/v1/customerEvent/filter?customerCode=C000055&eventTypeIds=1";
constexpr const char* kDocFilterBody = R"({
"DateFrom": "2025-01-01T00:00:00",
"DateTo": "2025-01-31T23:59:59"
})";
constexpr const char* kDocFilterResponse = R"({
"status": {
"code": "1000",
"description": "Success"
},
"data": [
{
"eventId": 2,
"eventName": "Example 1",
"eventDate": "2025-01-29T15:38:43+0700",
"eventType": 1,
"description": "Example description 1",
"customerId": 480258
},
{
"eventId": 9,
"eventName": "Example 2",
"eventDate": "2025-01-29T15:38:43+0700",
"eventType": 1,
"description": "Example description 2",
"customerId": 480258
}
]
})";
constexpr const char* kDocEditEventRequest = R"({
"eventName": "Updated Meeting",
"eventType": 2,
"eventDate": "2024-02-05T14:00:00",
"description": "Updated project discussion",
"customerCode": "C000349"
})";
constexpr const char* kDocEditEventResponse = R"({
"status": {
"code": "1000",
"description": "Success"
},
"data": {
"eventId": 13,
"eventName": "Example Edit",
"eventDate": "2025-01-01T15:38:43+0700",
"eventType": 4,
"description": "edit event"
}
})";

const std::vector<std::string> kEventKeys = {"eventId",   "eventName",   "eventDate",
                                             "eventType", "description", "customerId"};
const std::vector<std::string> kEditedEventKeys = {"eventId", "eventName", "eventDate", "eventType",
                                                   "description"};

rapidjson::Document parse(const char* text) {
  rapidjson::Document d;
  d.Parse(text);
  EXPECT_FALSE(d.HasParseError());
  return d;
}

// Family S bodies (§2.1), byte for byte.
constexpr const char* kDeletedBody =
    R"({"status":{"code":"1000","description":"Success"},"data":true})";

// An Add/Edit body with these values.
std::string event_body(const std::string& name, int type, const std::string& date,
                       const std::string& customer, const std::string& description_raw = "") {
  std::string body = "{\"eventName\":" + quote(name) + ",\"eventType\":" + std::to_string(type) +
                     ",\"eventDate\":" + quote(date) + ",\"customerCode\":" + quote(customer);
  if (!description_raw.empty()) body += ",\"description\":" + description_raw;
  return body + "}";
}

class CustomerEventApi : public ::testing::Test {
 protected:
  HttpResponse add(const std::string& body, const TestCompany* as = nullptr) {
    return client_.request("POST", "/v1/customerEvent", (as ? *as : company_).auth_json(), body);
  }
  HttpResponse edit(std::int64_t id, const std::string& body, const TestCompany* as = nullptr) {
    return client_.request("PUT", "/v1/customerEvent/" + std::to_string(id),
                           (as ? *as : company_).auth_json(), body);
  }
  HttpResponse remove(std::int64_t id, const TestCompany* as = nullptr) {
    return client_.request("DELETE", "/v1/customerEvent/" + std::to_string(id),
                           (as ? *as : company_).auth(), "");
  }
  HttpResponse filter(const std::string& query, const std::string& body = "",
                      const TestCompany* as = nullptr) {
    return client_.request("GET", "/v1/customerEvent/filter?" + query,
                           (as ? *as : company_).auth_json(), body);
  }

  // The payload of a 200 reply; fails the test on anything else.
  rapidjson::Document data_of(const HttpResponse& res) {
    EXPECT_EQ(res.status, 200) << res.body;
    auto doc = res.json();
    rapidjson::Document out;
    if (doc.IsObject() && doc.HasMember("data")) out.CopyFrom(doc["data"], out.GetAllocator());
    return out;
  }
  std::int64_t add_ok(const std::string& body) {
    auto d = data_of(add(body));
    return d.IsObject() ? d["eventId"].GetInt64() : -1;
  }
  // The ids a filter returns, in order.
  std::vector<std::int64_t> ids(const std::string& query, const std::string& body = "") {
    auto d = data_of(filter(query, body));
    std::vector<std::int64_t> out;
    if (!d.IsArray()) return out;
    for (const auto& e : d.GetArray()) out.push_back(e["eventId"].GetInt64());
    return out;
  }

  TestServer server_{fixed_at(kNow)};
  TestCompany company_ = server_.add_company();
  HttpClient client_ = server_.client();
};

// ---------------------------------------------------------------------------------------------
// Add Customer Event (#13)

TEST_F(CustomerEventApi, AddEventDocExampleSucceeds) {
  auto res = add(kDocAddEventRequest);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("content-type"), "application/json; charset=utf-8");
  auto doc = res.json();
  EXPECT_EQ(keys_of(doc), (std::vector<std::string>{"status", "data"}));
  EXPECT_EQ(to_json(doc["status"]), R"({"code":"1000","description":"Success"})");
  const auto& e = doc["data"];
  EXPECT_EQ(keys_of(e), kEventKeys);
  ASSERT_TRUE(e["eventId"].IsInt64());
  EXPECT_EQ(e["eventId"].GetInt64(),
            server_.scalar("SELECT MAX(event_id) FROM customer_events WHERE company_id = ?",
                           {company_.id}));
  EXPECT_STREQ(e["eventName"].GetString(), "Meeting with Client");
  // Sent without an offset: local time in the company's zone.
  EXPECT_STREQ(e["eventDate"].GetString(), "2024-02-01T10:00:00+0700");
  EXPECT_EQ(e["eventType"].GetInt(), 1);
  EXPECT_STREQ(e["description"].GetString(), "Discuss project requirements");
  EXPECT_EQ(e["customerId"].GetInt64(), server_.customer_id("C000349", company_));
  // Stored as sent, by the API client's user.
  EXPECT_EQ(server_.scalar("SELECT event_date FROM customer_events WHERE event_id = ?",
                           {e["eventId"].GetInt64()}),
            1706756400);
  EXPECT_EQ(server_.scalar(
                "SELECT COUNT(*) FROM customer_events WHERE event_id = ? AND "
                "created_by_user_id = '23108b99-ee24-43c4-b9e7-58dc6a4e16a2' AND date_created = ?",
                {e["eventId"].GetInt64(), kNow}),
            1);
}

TEST_F(CustomerEventApi, AddEventMatchesNamesCaseInsensitivelyAndCodesToo) {
  auto d = data_of(add(R"({"EVENTNAME":"Call","EventType":"3","eventdate":"2025-04-02",)"
                       R"("CustomerCode":"c000349"})"));
  ASSERT_TRUE(d.IsObject());
  EXPECT_STREQ(d["eventName"].GetString(), "Call");
  EXPECT_EQ(d["eventType"].GetInt(), 3);
  EXPECT_STREQ(d["eventDate"].GetString(), "2025-04-02T00:00:00+0700");
  EXPECT_TRUE(d["description"].IsNull());
  EXPECT_EQ(d["customerId"].GetInt64(), server_.customer_id("C000349", company_));
}

TEST_F(CustomerEventApi, AddEventValidationCollectsEveryProblemInBodyOrder) {
  auto res = add(R"({"eventDate":"tomorrow","description":7})");
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body, problems_body({{"eventDate", "eventDate is not a valid date"},
                                     {"description", "description must be a string"},
                                     {"eventName", "eventName is required"},
                                     {"eventType", "eventType is required"},
                                     {"customerCode", "customerCode is required"}}));
}

TEST_F(CustomerEventApi, AddEventSingleProblemsAre4001) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {event_body("", 1, "2025-04-02", "C000349"), "eventName is required"},
      {event_body(std::string(501, 'x'), 1, "2025-04-02", "C000349"),
       "eventName must be at most 500 characters"},
      {event_body("Call", 0, "2025-04-02", "C000349"),
       "eventType must be between 1 and 2147483647"},
      {event_body("Call", 1, "2025-02-30", "C000349"), "eventDate is not a valid date"},
      {event_body("Call", 1, "2025-04-02", std::string(51, 'C')),
       "customerCode must be at most 50 characters"},
      {event_body("Call", 1, "2025-04-02", "C000349", quote(std::string(4001, 'd'))),
       "description must be at most 4000 characters"},
      {"[1]", "Request body must be a JSON object"},
  };
  for (const auto& [body, message] : cases) {
    SCOPED_TRACE(message);
    auto res = add(body);
    EXPECT_EQ(res.status, 400);
    EXPECT_EQ(res.body, one_problem_body(message));
  }
  auto broken = add("{\"eventName\":");
  EXPECT_EQ(broken.status, 400);
  EXPECT_EQ(broken.json()["status"]["code"], "4001");
}

TEST_F(CustomerEventApi, AddEventUnknownRecordsAre404) {
  auto customer = add(event_body("Call", 1, "2025-04-02", "C009999"));
  EXPECT_EQ(customer.status, 404);
  EXPECT_EQ(customer.body, one_problem_body("customerCode C009999 was not found"));
  auto type = add(event_body("Call", 99, "2025-04-02", "C000349"));
  EXPECT_EQ(type.status, 404);
  EXPECT_EQ(type.body, one_problem_body("eventType 99 was not found"));
  // Inactive types and customers cannot be chosen.
  server_.exec(
      "UPDATE customer_event_types SET is_active = 0 WHERE company_id = ? AND event_type_id = 5",
      {company_.id});
  auto inactive_type = add(event_body("Call", 5, "2025-04-02", "C000349"));
  EXPECT_EQ(inactive_type.status, 404);
  EXPECT_EQ(inactive_type.body, one_problem_body("eventType 5 was not found"));
  server_.exec(
      "UPDATE customers SET is_active = 0 WHERE company_id = ? AND customer_code = 'C000349'",
      {company_.id});
  auto inactive_customer = add(event_body("Call", 1, "2025-04-02", "C000349"));
  EXPECT_EQ(inactive_customer.status, 404);
  EXPECT_EQ(inactive_customer.body, one_problem_body("customerCode C000349 was not found"));
  EXPECT_EQ(
      server_.scalar("SELECT COUNT(*) FROM customer_events WHERE company_id = ?", {company_.id}),
      3);
}

TEST_F(CustomerEventApi, AddEventRefusesPastTheCustomerLimit) {
  // Fill C000154 up to the limit directly, then one more through the API.
  const auto customer = server_.customer_id("C000154", company_);
  server_.db().write_now([&](storage::Session& s) {
    for (int i = 0; i < 10000; ++i) {
      s.exec(
          "INSERT INTO customer_events (company_id, customer_id, event_name, event_type_id, "
          "event_date, created_by_user_id, date_created, updated_by_user_id, date_updated) "
          "VALUES (?, ?, 'Filler', 1, ?, 'u', ?, 'u', ?)",
          {company_.id, customer, kNow, kNow, kNow});
    }
  });
  auto res = add(event_body("Call", 1, "2025-04-02", "C000154"));
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(res.body,
            one_problem_body(
                "Customer C000154 already has 10000 events, the most one customer may have"));
  // Deleted events do not count.
  server_.exec(
      "UPDATE customer_events SET is_deleted = 1 WHERE customer_id = ? AND event_id IN (SELECT "
      "MIN(event_id) FROM customer_events WHERE customer_id = ?)",
      {customer, customer});
  EXPECT_EQ(add(event_body("Call", 1, "2025-04-02", "C000154")).status, 200);
}

// ---------------------------------------------------------------------------------------------
// Get Customer Events by Customer Code (#14)

TEST_F(CustomerEventApi, FilterDocExampleMatchesTheDocumentedResponse) {
  auto res = client_.request("GET", kDocFilterTarget, company_.auth_json(), kDocFilterBody);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.header("x-total-count"), "2");
  auto ours = res.json();
  auto doc = parse(kDocFilterResponse);
  // The documented internal customer id is another database's; ours is C000055's here.
  const auto c000055 = server_.customer_id("C000055", company_);
  for (auto& e : doc["data"].GetArray()) e["customerId"].SetInt64(c000055);
  EXPECT_EQ(to_json(ours), to_json(doc));
  for (const auto& e : ours["data"].GetArray()) EXPECT_EQ(keys_of(e), kEventKeys);
}

TEST_F(CustomerEventApi, FilterWithoutBodyListsEveryEventByDate) {
  const auto late = add_ok(event_body("Late", 2, "2025-03-01T09:00:00", "C000055"));
  const auto early = add_ok(event_body("Early", 3, "2024-12-31T23:59:59", "C000055"));
  EXPECT_EQ(ids("customerCode=C000055"), (std::vector<std::int64_t>{early, 2, 9, late}));
  // The code compares case-insensitively, and a body of white space is no body.
  EXPECT_EQ(ids("customerCode=c000055", " \r\n"), (std::vector<std::int64_t>{early, 2, 9, late}));
  // Events of other customers are not listed.
  EXPECT_EQ(ids("customerCode=C000154"), (std::vector<std::int64_t>{}));
  auto res = filter("customerCode=C000154");
  EXPECT_EQ(res.body, R"({"status":{"code":"1000","description":"Success"},"data":[]})");
  EXPECT_EQ(res.header("x-total-count"), "0");
}

TEST_F(CustomerEventApi, FilterByEventTypesRepeatedOrCommaSeparated) {
  const auto two = add_ok(event_body("Two", 2, "2025-01-10T09:00:00", "C000055"));
  const auto four = add_ok(event_body("Four", 4, "2025-01-20T09:00:00", "C000055"));
  EXPECT_EQ(ids("customerCode=C000055&eventTypeIds=1"), (std::vector<std::int64_t>{2, 9}));
  EXPECT_EQ(ids("customerCode=C000055&eventTypeIds=2&eventTypeIds=4"),
            (std::vector<std::int64_t>{two, four}));
  EXPECT_EQ(ids("customerCode=C000055&eventTypeIds=4,1"), (std::vector<std::int64_t>{four, 2, 9}));
  EXPECT_EQ(ids("customerCode=C000055&eventtypeids=4%2C2"), (std::vector<std::int64_t>{two, four}));
  // An empty value filters nothing; a type no event has matches nothing.
  EXPECT_EQ(ids("customerCode=C000055&eventTypeIds="),
            (std::vector<std::int64_t>{two, four, 2, 9}));
  EXPECT_EQ(ids("customerCode=C000055&eventTypeIds=5"), (std::vector<std::int64_t>{}));
}

TEST_F(CustomerEventApi, FilterDateRangeIsInclusiveAtBothEnds) {
  const auto first = add_ok(event_body("First", 2, "2025-02-01T00:00:00", "C000154"));
  const auto mid = add_ok(event_body("Mid", 2, "2025-02-14T12:00:00", "C000154"));
  const auto last = add_ok(event_body("Last", 2, "2025-02-28T23:59:59", "C000154"));
  const auto after = add_ok(event_body("After", 2, "2025-03-01T00:00:00", "C000154"));
  const auto before = add_ok(event_body("Before", 2, "2025-01-31T23:59:59", "C000154"));
  const std::string q = "customerCode=C000154";
  EXPECT_EQ(ids(q, R"({"dateFrom":"2025-02-01T00:00:00","dateTo":"2025-02-28T23:59:59"})"),
            (std::vector<std::int64_t>{first, mid, last}));
  // One second narrower at either end drops that end's event.
  EXPECT_EQ(ids(q, R"({"dateFrom":"2025-02-01T00:00:01","dateTo":"2025-02-28T23:59:58"})"),
            (std::vector<std::int64_t>{mid}));
  // A date-only dateTo covers its whole local day.
  EXPECT_EQ(ids(q, R"({"DateFrom":"2025-02-01","DateTo":"2025-02-28"})"),
            (std::vector<std::int64_t>{first, mid, last}));
  // The same instant at both ends: exactly that event.
  EXPECT_EQ(ids(q, R"({"dateFrom":"2025-02-14T05:00:00Z","dateTo":"2025-02-14T12:00:00+0700"})"),
            (std::vector<std::int64_t>{mid}));
  // Open-ended ranges.
  EXPECT_EQ(ids(q, R"({"dateFrom":"2025-02-28T23:59:59"})"),
            (std::vector<std::int64_t>{last, after}));
  EXPECT_EQ(ids(q, R"({"dateTo":"2025-02-01T00:00:00"})"),
            (std::vector<std::int64_t>{before, first}));
  // Null is no bound.
  EXPECT_EQ(ids(q, R"({"dateFrom":null,"dateTo":null})"),
            (std::vector<std::int64_t>{before, first, mid, last, after}));
}

TEST_F(CustomerEventApi, FilterDatesInTheQueryAndTheBodyWins) {
  const auto jan = add_ok(event_body("Jan", 2, "2025-01-15T09:00:00", "C000154"));
  const auto feb = add_ok(event_body("Feb", 2, "2025-02-15T09:00:00", "C000154"));
  EXPECT_EQ(ids("customerCode=C000154&dateFrom=2025-02-01&dateTo=2025-02-28"),
            (std::vector<std::int64_t>{feb}));
  EXPECT_EQ(ids("customerCode=C000154&dateTo=2025-01-15T09%3A00%3A00%2B0700"),
            (std::vector<std::int64_t>{jan}));
  EXPECT_EQ(
      ids("customerCode=C000154&dateFrom=2025-02-01", R"({"dateFrom":"2025-01-01T00:00:00"})"),
      (std::vector<std::int64_t>{jan, feb}));
  // A body property that is null leaves the query's value in force.
  EXPECT_EQ(ids("customerCode=C000154&dateFrom=2025-02-01", R"({"dateFrom":null})"),
            (std::vector<std::int64_t>{feb}));
}

TEST_F(CustomerEventApi, FilterValidation) {
  auto missing = filter("eventTypeIds=1");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.body, one_problem_body("customerCode is required"));
  auto empty = filter("customerCode=");
  EXPECT_EQ(empty.body, one_problem_body("customerCode is required"));
  auto types = filter("customerCode=C000055&eventTypeIds=1,x");
  EXPECT_EQ(types.status, 400);
  EXPECT_EQ(types.body, one_problem_body("eventTypeIds must be a list of integers"));
  auto zero = filter("customerCode=C000055&eventTypeIds=0");
  EXPECT_EQ(zero.body, one_problem_body("eventTypeIds items must be between 1 and 2147483647"));
  auto bad_query_date = filter("customerCode=C000055&dateFrom=yesterday");
  EXPECT_EQ(bad_query_date.body, one_problem_body("dateFrom is not a valid date"));
  auto bad_body_date = filter("customerCode=C000055", R"({"DateTo":"2025-13-01"})");
  // Problems name the canonical spelling, whatever the body's casing.
  EXPECT_EQ(bad_body_date.body, one_problem_body("dateTo is not a valid date"));
  auto reversed =
      filter("customerCode=C000055", R"({"dateFrom":"2025-02-01","dateTo":"2025-01-31"})");
  EXPECT_EQ(reversed.status, 400);
  EXPECT_EQ(reversed.body, one_problem_body("dateTo must not be earlier than dateFrom"));
  auto reversed_query = filter("customerCode=C000055&dateFrom=2025-02-01&dateTo=2025-01-31");
  EXPECT_EQ(reversed_query.body, one_problem_body("dateTo must not be earlier than dateFrom"));
  auto bad_escape = filter("customerCode=C%ZZ");
  EXPECT_EQ(bad_escape.body, one_problem_body("customerCode is not valid percent-encoded UTF-8"));
  // Query problems come first, then the body's.
  auto several = filter("eventTypeIds=y", R"({"dateFrom":"soon"})");
  EXPECT_EQ(several.status, 400);
  EXPECT_EQ(several.body,
            problems_body({{"customerCode", "customerCode is required"},
                           {"eventTypeIds", "eventTypeIds must be a list of integers"},
                           {"dateFrom", "dateFrom is not a valid date"}}));
  auto not_json = filter("customerCode=C000055", "{\"DateFrom\":");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(not_json.json()["status"]["code"], "4001");
  auto not_object = filter("customerCode=C000055", "[]");
  EXPECT_EQ(not_object.body, one_problem_body("Request body must be a JSON object"));
  auto unknown = filter("customerCode=C009999");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body, one_problem_body("customerCode C009999 was not found"));
}

TEST_F(CustomerEventApi, FilterStillReadsAnInactiveCustomersHistory) {
  server_.exec(
      "UPDATE customers SET is_active = 0 WHERE company_id = ? AND customer_code = 'C000055'",
      {company_.id});
  EXPECT_EQ(ids("customerCode=C000055"), (std::vector<std::int64_t>{2, 9}));
}

// ---------------------------------------------------------------------------------------------
// Edit Customer Event (#15)

TEST_F(CustomerEventApi, EditDocExampleHasTheDocumentedKeys) {
  auto res = edit(13, kDocEditEventRequest);
  ASSERT_EQ(res.status, 200) << res.body;
  auto ours = res.json();
  auto doc = parse(kDocEditEventResponse);
  EXPECT_EQ(keys_of(ours), keys_of(doc));
  EXPECT_EQ(to_json(ours["status"]), to_json(doc["status"]));
  EXPECT_EQ(keys_of(ours["data"]), keys_of(doc["data"]));
  EXPECT_EQ(keys_of(ours["data"]), kEditedEventKeys);
  // The documented example shows the event before the documented request; ours is the result.
  EXPECT_EQ(to_json(ours["data"]),
            R"({"eventId":13,"eventName":"Updated Meeting","eventDate":"2024-02-05T14:00:00+0700",)"
            R"("eventType":2,"description":"Updated project discussion"})");
  // Stored: the filter shows the same event with its customer.
  auto listed = data_of(filter("customerCode=C000349"));
  ASSERT_EQ(listed.Size(), 1u);
  EXPECT_EQ(listed[0]["eventId"].GetInt64(), 13);
  EXPECT_STREQ(listed[0]["eventName"].GetString(), "Updated Meeting");
  EXPECT_EQ(listed[0]["customerId"].GetInt64(), server_.customer_id("C000349", company_));
  EXPECT_EQ(server_.scalar("SELECT date_updated FROM customer_events WHERE event_id = 13"), kNow);
}

TEST_F(CustomerEventApi, EditDescriptionAbsentKeepsNullClears) {
  const auto id =
      add_ok(event_body("Call", 1, "2025-04-02T10:00:00", "C000154", quote("Bring slides")));
  auto kept = data_of(edit(id, event_body("Call 2", 1, "2025-04-03T10:00:00", "C000154")));
  EXPECT_STREQ(kept["description"].GetString(), "Bring slides");
  EXPECT_STREQ(kept["eventName"].GetString(), "Call 2");
  EXPECT_STREQ(kept["eventDate"].GetString(), "2025-04-03T10:00:00+0700");
  auto cleared =
      data_of(edit(id, event_body("Call 2", 1, "2025-04-03T10:00:00", "C000154", "null")));
  EXPECT_TRUE(cleared["description"].IsNull());
  EXPECT_EQ(keys_of(cleared), kEditedEventKeys);
}

TEST_F(CustomerEventApi, EditMovesTheEventToAnotherCustomer) {
  const auto id = add_ok(event_body("Call", 1, "2025-04-02T10:00:00", "C000154"));
  ASSERT_EQ(edit(id, event_body("Call", 1, "2025-04-02T10:00:00", "c000055")).status, 200);
  EXPECT_EQ(ids("customerCode=C000154"), (std::vector<std::int64_t>{}));
  EXPECT_EQ(ids("customerCode=C000055"), (std::vector<std::int64_t>{2, 9, id}));
}

TEST_F(CustomerEventApi, EditErrors) {
  // Required fields are required on edit too; validation comes before lookups.
  auto invalid = edit(999999, R"({"eventName":"x"})");
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(invalid.body, problems_body({{"eventType", "eventType is required"},
                                         {"eventDate", "eventDate is required"},
                                         {"customerCode", "customerCode is required"}}));
  auto unknown = edit(999999, kDocEditEventRequest);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body, one_problem_body("Customer event 999999 was not found"));
  auto customer = edit(13, event_body("x", 1, "2025-04-02", "C009999"));
  EXPECT_EQ(customer.status, 404);
  EXPECT_EQ(customer.body, one_problem_body("customerCode C009999 was not found"));
  auto type = edit(13, event_body("x", 77, "2025-04-02", "C000349"));
  EXPECT_EQ(type.body, one_problem_body("eventType 77 was not found"));
  // The path must be an int64: anything else matches no route.
  for (const char* target :
       {"/v1/customerEvent/abc", "/v1/customerEvent/", "/v1/customerEvent/99999999999999999999"}) {
    SCOPED_TRACE(target);
    auto res = client_.request("PUT", target, company_.auth_json(), kDocEditEventRequest);
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.body, R"({"statusCode":404,"message":"Resource not found"})");
  }
}

TEST_F(CustomerEventApi, EditKeepsAnInactiveTypeButCannotChooseOne) {
  server_.exec(
      "UPDATE customer_event_types SET is_active = 0 WHERE company_id = ? AND event_type_id = 4",
      {company_.id});
  // Event 13 has type 4 already.
  auto kept = edit(13, event_body("Still an anniversary", 4, "2025-01-01", "C000349"));
  EXPECT_EQ(kept.status, 200) << kept.body;
  const auto other = add_ok(event_body("Call", 1, "2025-04-02", "C000349"));
  auto chosen = edit(other, event_body("Call", 4, "2025-04-02", "C000349"));
  EXPECT_EQ(chosen.status, 404);
  EXPECT_EQ(chosen.body, one_problem_body("eventType 4 was not found"));
}

// ---------------------------------------------------------------------------------------------
// Delete Customer Event (#16)

TEST_F(CustomerEventApi, DeleteIsSoftAndTheEventDisappears) {
  auto res = remove(9);
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.body, kDeletedBody);
  EXPECT_EQ(ids("customerCode=C000055"), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(
      ids(std::string(kDocFilterTarget).substr(std::string("/v1/customerEvent/filter?").size()),
          kDocFilterBody),
      (std::vector<std::int64_t>{2}));
  // The row stays, marked deleted.
  EXPECT_EQ(server_.scalar("SELECT is_deleted FROM customer_events WHERE event_id = 9"), 1);
  // A deleted event cannot be edited or deleted again.
  auto edited = edit(9, event_body("Back", 1, "2025-01-29", "C000055"));
  EXPECT_EQ(edited.status, 404);
  EXPECT_EQ(edited.body, one_problem_body("Customer event 9 was not found"));
  auto again = remove(9);
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.body, one_problem_body("Customer event 9 was not found"));
  auto unknown = remove(424242);
  EXPECT_EQ(unknown.status, 404);
  // A body on the DELETE is ignored.
  auto with_body = client_.request("DELETE", "/v1/customerEvent/2", company_.auth_json(), "{x");
  EXPECT_EQ(with_body.body, kDeletedBody);
  EXPECT_EQ(ids("customerCode=C000055"), (std::vector<std::int64_t>{}));
}

// ---------------------------------------------------------------------------------------------
// Get Customer Event Types (#17)

TEST_F(CustomerEventApi, EventTypesAreTheActiveDefaultsById) {
  auto res = client_.request("GET", "/v1/customerEvent/event-types", company_.auth());
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.body, R"({"status":{"code":"1000","description":"Success"},"data":[)"
                      R"({"eventTypeId":1,"eventTypeName":"Meeting"},)"
                      R"({"eventTypeId":2,"eventTypeName":"Appointment"},)"
                      R"({"eventTypeId":3,"eventTypeName":"Birthday"},)"
                      R"({"eventTypeId":4,"eventTypeName":"Anniversary"},)"
                      R"({"eventTypeId":5,"eventTypeName":"Other"}]})");
  EXPECT_EQ(res.header("x-total-count"), "5");
  server_.exec(
      "UPDATE customer_event_types SET is_active = 0 WHERE company_id = ? AND event_type_id = 3",
      {company_.id});
  auto after = client_.request("GET", "/V1/CustomerEvent/Event-Types/", company_.auth());
  auto d = data_of(after);
  ASSERT_TRUE(d.IsArray());
  EXPECT_EQ(d.Size(), 4u);
  EXPECT_EQ(d[2]["eventTypeId"].GetInt(), 4);
  EXPECT_EQ(after.header("x-total-count"), "4");
}

TEST_F(CustomerEventApi, LiteralRoutesBeatTheEventId) {
  // GET has no {eventId} route; PUT/DELETE on the literal segments are not routes either.
  auto get = client_.request("GET", "/v1/customerEvent/13", company_.auth());
  EXPECT_EQ(get.status, 404);
  EXPECT_EQ(get.body, R"({"statusCode":404,"message":"Resource not found"})");
  auto put = client_.request("PUT", "/v1/customerEvent/filter", company_.auth_json(), "{}");
  EXPECT_EQ(put.status, 404);
  EXPECT_EQ(put.body, R"({"statusCode":404,"message":"Resource not found"})");
}

TEST_F(CustomerEventApi, EveryEndpointNeedsKeyAndToken) {
  const std::vector<std::pair<std::string, std::string>> endpoints = {
      {"POST", "/v1/customerEvent"},
      {"GET", "/v1/customerEvent/filter?customerCode=C000055"},
      {"PUT", "/v1/customerEvent/13"},
      {"DELETE", "/v1/customerEvent/13"},
      {"GET", "/v1/customerEvent/event-types"},
  };
  for (const auto& [method, target] : endpoints) {
    SCOPED_TRACE(method + " " + target);
    auto no_key = client_.request(method, target, {}, "");
    EXPECT_EQ(no_key.status, 401);
    auto no_token = client_.request(method, target,
                                    {{"Ocp-Apim-Subscription-Key", company_.subscription_key}}, "");
    EXPECT_EQ(no_token.status, 401);
    EXPECT_EQ(no_token.body, R"({"statusCode":401,"message":"Unauthorized"})");
  }
  EXPECT_EQ(server_.scalar("SELECT is_deleted FROM customer_events WHERE event_id = 13"), 0);
}

// ---------------------------------------------------------------------------------------------
// Tenancy

TEST_F(CustomerEventApi, AnotherCompanyNeverSeesOrChangesTheseEvents) {
  auto other = server_.add_company();
  const auto mine = add_ok(event_body("Mine", 1, "2025-01-20T09:00:00", "C000055"));
  // The other demo company has its own C000055 with its own events, not ours.
  auto theirs = data_of(filter("customerCode=C000055", "", &other));
  ASSERT_TRUE(theirs.IsArray());
  for (const auto& e : theirs.GetArray()) {
    EXPECT_NE(e["eventId"].GetInt64(), mine);
    EXPECT_NE(e["eventId"].GetInt64(), 2);
    EXPECT_EQ(e["customerId"].GetInt64(), server_.customer_id("C000055", other));
  }
  EXPECT_EQ(theirs.Size(), 2u);
  // Our event ids are unknown to them.
  for (std::int64_t id : {mine, std::int64_t{2}, std::int64_t{13}}) {
    SCOPED_TRACE(id);
    auto edited = edit(id, event_body("Theirs", 1, "2025-01-20", "C000055"), &other);
    EXPECT_EQ(edited.status, 404);
    EXPECT_EQ(edited.body,
              one_problem_body("Customer event " + std::to_string(id) + " was not found"));
    auto deleted = remove(id, &other);
    EXPECT_EQ(deleted.status, 404);
  }
  EXPECT_EQ(ids("customerCode=C000055"), (std::vector<std::int64_t>{mine, 2, 9}));
  EXPECT_EQ(data_of(edit(13, kDocEditEventRequest))["eventName"], "Updated Meeting");
  // A customer only we have is unknown to them, for reads and writes.
  server_.exec(
      "INSERT INTO customers (company_id, customer_code, customer_name, created_at) VALUES (?, "
      "'C777777', 'Ours only', ?)",
      {company_.id, kNow});
  EXPECT_EQ(add(event_body("x", 1, "2025-04-02", "C777777"), &other).status, 404);
  EXPECT_EQ(filter("customerCode=C777777", "", &other).status, 404);
  EXPECT_EQ(add(event_body("x", 1, "2025-04-02", "C777777")).status, 200);
  // Their event types are theirs: deactivating ours leaves theirs.
  server_.exec("UPDATE customer_event_types SET is_active = 0 WHERE company_id = ?", {company_.id});
  auto types = data_of(client_.request("GET", "/v1/customerEvent/event-types", other.auth()));
  EXPECT_EQ(types.Size(), 5u);
  auto none = data_of(client_.request("GET", "/v1/customerEvent/event-types", company_.auth()));
  EXPECT_EQ(none.Size(), 0u);
  // A company without the demo data has no customers at all.
  auto bare = server_.add_company(false);
  EXPECT_EQ(add(kDocAddEventRequest, &bare).status, 404);
}

}  // namespace
}  // namespace ov::test
