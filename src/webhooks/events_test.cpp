// The outbox on every backend: the §5.2 body, one message per event and matching subscription,
// written with the change (a rolled-back write leaves none), the commit notice, and the Case
// section's events.
#include "webhooks/events.hpp"

#include <gtest/gtest.h>

#include <atomic>

#include "modules/cases/case_service.hpp"
#include "modules/test_company.hpp"
#include "webhooks/subscriptions.hpp"

namespace ov::webhooks {
namespace {

using storage::run_sync;

// 2025-02-06T09:41:33+0700, the time of §5.2's Case example.
constexpr core::UnixSeconds kCaseExampleTime = 1738809693;

TEST(WebhookPayload, IsTheContractExampleByteForByte) {
  EXPECT_EQ(
      payload(kCaseCreated, 507, {{"CaseNo", "T250200010"}, {"FeedbackId", 67941}},
              kCaseExampleTime, core::TimeZone::bangkok()),
      R"({"Topic":"Case","Event":"Created","Data":{"CaseNo":"T250200010","FeedbackId":67941},"Timestamp":"2025-02-06T09:41:33+0700","CompanyId":507})");
}

TEST(WebhookPayload, EscapesStringsAsJson) {
  EXPECT_EQ(
      payload(kCustomerCreated, 1, {{"CustomerCode", "a\"b\\c"}}, 0, core::TimeZone::bangkok()),
      R"({"Topic":"Customer","Event":"Created","Data":{"CustomerCode":"a\"b\\c"},"Timestamp":"1970-01-01T07:00:00+0700","CompanyId":1})");
}

TEST(WebhookFilter, MatchesNamesOrTheWildcard) {
  EXPECT_TRUE(filter_matches(R"(["*"])", "Case.Created"));
  EXPECT_TRUE(filter_matches(R"(["Deal.Created","Case.Created"])", "Case.Created"));
  EXPECT_FALSE(filter_matches(R"(["Case.Created"])", "Case.Updated"));
  // No partial matches.
  EXPECT_FALSE(filter_matches(R"(["Case.StatusChanged"])", "Case.Status"));
}

TEST(WebhookFilter, AcceptsKnownEventsOrTheWildcardAlone) {
  EXPECT_FALSE(filter_problem({"*"}));
  EXPECT_FALSE(filter_problem({"Case.Created", "Product.StockUpdated", "SaleOrder.Updated"}));
  EXPECT_TRUE(filter_problem({}));
  EXPECT_TRUE(filter_problem({"*", "Case.Created"}));
  EXPECT_TRUE(filter_problem({"Case.Deleted"}));
  EXPECT_TRUE(filter_problem({"case.created"}));
  EXPECT_TRUE(filter_problem({"SalesOrder.Created"}));  // §5.3 keeps "SaleOrder"
  EXPECT_TRUE(filter_problem(std::vector<std::string>(kMaxFilterEvents + 1, "Case.Created")));
  EXPECT_EQ(event_names().size(), 22u);
}

TEST(WebhookUrl, HttpsOrLoopbackOnlyUnlessAllowed) {
  EXPECT_FALSE(url_problem("https://hooks.example.com/venio", false));
  EXPECT_FALSE(url_problem("HTTPS://hooks.example.com:8443/x?y=1", false));
  EXPECT_FALSE(url_problem("http://127.0.0.1:9000/hook", false));
  EXPECT_FALSE(url_problem("http://127.10.0.3/hook", false));
  EXPECT_FALSE(url_problem("http://localhost:9000/hook", false));
  EXPECT_FALSE(url_problem("http://[::1]:9000/hook", false));
  EXPECT_TRUE(url_problem("http://hooks.example.com/venio", false));
  EXPECT_TRUE(url_problem("http://127.0.0.1.example.com/", false));
  EXPECT_TRUE(url_problem("http://128.0.0.1/", false));
  EXPECT_FALSE(url_problem("http://hooks.example.com/venio", true));
  EXPECT_TRUE(url_problem("ftp://hooks.example.com/", true));
  EXPECT_TRUE(url_problem("hooks.example.com/venio", true));
  EXPECT_TRUE(url_problem("https://user:pw@hooks.example.com/", false));
  EXPECT_TRUE(url_problem("https:///path", false));
  EXPECT_TRUE(url_problem("https://hooks.example.com/a b", false));
  EXPECT_TRUE(url_problem("", false));
  EXPECT_TRUE(url_problem("https://h.example/" + std::string(kMaxUrlLength, 'a'), false));
}

class OutboxTest : public modules::DemoCompanyTest {
 protected:
  OutboxTest() : DemoCompanyTest(kCaseExampleTime) {}
  void SetUp() override {
    DemoCompanyTest::SetUp();
    if (IsSkipped()) return;
    db().set_commit_listener([this] { ++notices_; });
  }

  std::int64_t subscribe(std::vector<std::string> events, bool enabled = true,
                         std::int64_t company = 0) {
    std::int64_t id = 0;
    db().write_now([&](storage::Session& s) {
      id = Subscriptions(s, false)
               .create(company ? company : company_,
                       {"https://hooks.example.com/" + std::to_string(events.size()),
                        std::move(events), enabled},
                       unix_ms())
               .subscription.subscription_id;
    });
    return id;
  }

  std::int64_t scalar(const std::string& sql, std::initializer_list<storage::Value> params) {
    std::int64_t v = -1;
    db().read_now([&](storage::Session& s) { v = s.query_i64(sql, params).value_or(-1); });
    return v;
  }

  // The events of the company's messages, in the order they were written.
  std::vector<std::string> messages() {
    std::vector<std::string> out;
    db().read_now([&](storage::Session& s) {
      auto r = s.query(
          "SELECT event, subscription_id FROM webhook_messages WHERE company_id = ? ORDER BY "
          "message_id",
          {company_});
      while (r.next()) out.push_back(r.str(0) + "@" + std::to_string(r.i64(1)));
    });
    return out;
  }

  std::atomic<int> notices_{0};
};

TEST_P(OutboxTest, ACommittedWriteQueuesOneMessagePerMatchingSubscription) {
  const auto all = subscribe({"*"});
  const auto cases = subscribe({"Case.Created", "Case.Updated"});
  subscribe({"Customer.Created"});
  subscribe({"*"}, /*enabled=*/false);
  notices_ = 0;
  db().write_now([&](storage::Session& s) {
    Outbox out(s, company_, kCaseExampleTime, core::TimeZone::bangkok());
    out.emit(kCaseCreated, {{"CaseNo", "T250200010"}, {"FeedbackId", 67941}});
    out.emit(kCaseStatusChanged, {{"CaseNo", "T250200010"}, {"FeedbackId", 67941}});
  });
  const auto a = std::to_string(all), c = std::to_string(cases);
  EXPECT_EQ(messages(), (std::vector<std::string>{"Case.Created@" + a, "Case.Created@" + c,
                                                  "Case.StatusChanged@" + a}));
  EXPECT_GE(notices_.load(), 1);
  // Every message has its own webhook-id and is due at once.
  EXPECT_EQ(scalar("SELECT count(DISTINCT webhook_id) FROM webhook_messages WHERE company_id = ?",
                   {company_}),
            3);
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages WHERE company_id = ? AND status = 0 AND "
                   "attempts = 0 AND webhook_id LIKE 'msg_%'",
                   {company_}),
            3);
  db().read_now([&](storage::Session& s) {
    auto r = s.query("SELECT body FROM webhook_messages WHERE company_id = ? ORDER BY message_id",
                     {company_});
    ASSERT_TRUE(r.next());
    EXPECT_EQ(
        r.str(0),
        R"({"Topic":"Case","Event":"Created","Data":{"CaseNo":"T250200010","FeedbackId":67941},"Timestamp":"2025-02-06T09:41:33+0700","CompanyId":)" +
            std::to_string(company_) + "}");
  });
}

TEST_P(OutboxTest, ARolledBackWriteQueuesNothingAndWakesNoOne) {
  subscribe({"*"});
  notices_ = 0;
  EXPECT_THROW(db().write_now([&](storage::Session& s) {
    emit(s, company_, kCaseCreated, {{"CaseNo", "T1"}, {"FeedbackId", 1}}, kCaseExampleTime,
         core::TimeZone::bangkok());
    throw core::business_rule("the change failed after its event");
  }),
               core::ApiError);
  EXPECT_TRUE(messages().empty());
  EXPECT_EQ(notices_.load(), 0);
}

TEST_P(OutboxTest, AWriteWithoutSubscriptionsQueuesNothingAndWakesNoOne) {
  notices_ = 0;
  db().write_now([&](storage::Session& s) {
    emit(s, company_, kCaseCreated, {{"CaseNo", "T1"}, {"FeedbackId", 1}}, kCaseExampleTime,
         core::TimeZone::bangkok());
  });
  EXPECT_TRUE(messages().empty());
  EXPECT_EQ(notices_.load(), 0);
}

TEST_P(OutboxTest, AnotherCompanysSubscriptionsHearNothing) {
  std::int64_t other = 0;
  db().write_now([&](storage::Session& s) {
    other = modules::create_company(s, {"Other", "Asia/Bangkok", std::nullopt}, false, clock_.now())
                .company_id;
  });
  subscribe({"*"}, true, other);
  db().write_now([&](storage::Session& s) {
    emit(s, company_, kCaseCreated, {{"CaseNo", "T1"}, {"FeedbackId", 1}}, kCaseExampleTime,
         core::TimeZone::bangkok());
  });
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages", {}), 0);
}

TEST_P(OutboxTest, CaseServiceEmitsCreatedThenUpdatedAndStatusChanged) {
  subscribe({"*"});
  cases::CaseService service(db(), clock_);
  cases::AddCaseInput in;
  in.subject = "A case";
  in.category_id = demo::kCaseCategoryId;
  in.date_case = in.date_due = kCaseExampleTime;
  auto c = run_sync(service.add(caller_, in));
  cases::EditCaseInput edit;
  edit.subject = "Edited";
  edit.category_id = c.category_id;
  edit.date_case = c.date_case;
  edit.date_due = c.date_due;
  edit.assigned_to_user_id = demo::kAssigneeUserId;
  run_sync(service.edit(caller_, c.feedback_no, edit));  // status unchanged
  edit.status_id = api::given(std::int64_t{cases::kStatusInProgress});
  run_sync(service.edit(caller_, c.feedback_no, edit));
  std::vector<std::string> bodies;
  db().read_now([&](storage::Session& s) {
    auto r = s.query("SELECT body FROM webhook_messages WHERE company_id = ? ORDER BY message_id",
                     {company_});
    while (r.next()) bodies.push_back(r.str(0));
  });
  const std::string data =
      R"({"CaseNo":")" + c.feedback_no + R"(","FeedbackId":)" + std::to_string(c.feedback_id);
  const std::string tail =
      R"(,"Timestamp":"2025-02-06T09:41:33+0700","CompanyId":)" + std::to_string(company_) + "}";
  EXPECT_EQ(bodies, (std::vector<std::string>{
                        R"({"Topic":"Case","Event":"Created","Data":)" + data + "}" + tail,
                        R"({"Topic":"Case","Event":"Updated","Data":)" + data + "}" + tail,
                        R"({"Topic":"Case","Event":"Updated","Data":)" + data + "}" + tail,
                        R"({"Topic":"Case","Event":"StatusChanged","Data":)" + data +
                            R"(,"PreviousStatus":201,"Status":202})" + tail,
                    }));
}

OV_ON_EVERY_BACKEND(OutboxTest);

}  // namespace
}  // namespace ov::webhooks
