// Subscriptions, the delivery log and replay on every backend, without HTTP.
#include "webhooks/subscriptions.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "modules/test_company.hpp"
#include "webhooks/events.hpp"
#include "webhooks/signing.hpp"

namespace ov::webhooks {
namespace {

constexpr core::UnixSeconds kNow = 1738809693;
constexpr std::int64_t kNowMs = 1738809693000;

class SubscriptionsTest : public modules::DemoCompanyTest {
 protected:
  SubscriptionsTest() : DemoCompanyTest(kNow) {}

  template <class F>
  auto write(F f) {
    std::optional<decltype(f(std::declval<Subscriptions&>()))> out;
    db().write_now([&](storage::Session& s) {
      Subscriptions subs(s, false);
      out.emplace(f(subs));
    });
    return std::move(*out);
  }

  // The field names of the problems an operation raised.
  template <class F>
  std::vector<std::string> problems_of(F f) {
    try {
      write([&](Subscriptions& s) {
        f(s);
        return 0;
      });
    } catch (const core::ApiError& e) {
      std::vector<std::string> out;
      for (const auto& p : e.problems()) out.push_back(p.field);
      if (out.empty()) out.push_back(e.what());
      return out;
    }
    return {};
  }

  std::int64_t scalar(const std::string& sql, std::initializer_list<storage::Value> params) {
    std::int64_t v = -1;
    db().read_now([&](storage::Session& s) { v = s.query_i64(sql, params).value_or(-1); });
    return v;
  }

  void emit_case() {
    db().write_now([&](storage::Session& s) {
      emit(s, company_, kCaseCreated, {{"CaseNo", "T1"}, {"FeedbackId", 1}}, kNow,
           core::TimeZone::bangkok());
    });
  }
};

TEST_P(SubscriptionsTest, CreateReturnsTheSubscriptionAndItsSecretOnce) {
  auto created = write([&](Subscriptions& s) {
    return s.create(company_, {"https://hooks.example.com/a", {"Case.Created"}, true}, kNowMs);
  });
  EXPECT_GT(created.subscription.subscription_id, 0);
  EXPECT_EQ(created.subscription.url, "https://hooks.example.com/a");
  EXPECT_EQ(created.subscription.events, std::vector<std::string>{"Case.Created"});
  EXPECT_TRUE(created.subscription.enabled);
  EXPECT_EQ(created.subscription.created_at, kNowMs);
  ASSERT_TRUE(secret_key(created.secret));
  EXPECT_EQ(secret_key(created.secret)->size(), 32u);
  auto listed = write([&](Subscriptions& s) { return s.list(company_); });
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].subscription_id, created.subscription.subscription_id);
}

TEST_P(SubscriptionsTest, BadInputNamesEveryField) {
  EXPECT_EQ(problems_of([&](Subscriptions& s) {
              s.create(company_, {"http://hooks.example.com/", {"Case.Nope"}, true}, kNowMs);
            }),
            (std::vector<std::string>{"url", "events"}));
  EXPECT_EQ(problems_of([&](Subscriptions& s) {
              s.create(company_, {"https://hooks.example.com/", {}, true}, kNowMs);
            }),
            std::vector<std::string>{"events"});
  auto id = write([&](Subscriptions& s) {
              return s.create(company_, {"https://h.example/", {"*"}, true}, kNowMs);
            }).subscription.subscription_id;
  SubscriptionChanges bad;
  bad.url = "ftp://h.example/";
  EXPECT_EQ(problems_of([&](Subscriptions& s) { s.update(company_, id, bad, kNowMs); }),
            std::vector<std::string>{"url"});
}

TEST_P(SubscriptionsTest, AnotherCompanysSubscriptionIsNotFound) {
  auto id = write([&](Subscriptions& s) {
              return s.create(company_, {"https://h.example/", {"*"}, true}, kNowMs);
            }).subscription.subscription_id;
  const auto other = company_ + 1000;
  EXPECT_FALSE(write([&](Subscriptions& s) { return s.find(other, id); }));
  EXPECT_THROW(write([&](Subscriptions& s) {
                 s.remove(other, id);
                 return 0;
               }),
               core::ApiError);
  EXPECT_THROW(write([&](Subscriptions& s) { return s.rotate_secret(other, id, kNowMs); }),
               core::ApiError);
  EXPECT_TRUE(write([&](Subscriptions& s) { return s.find(company_, id); }));
}

TEST_P(SubscriptionsTest, DisablingOrDeletingDropsQueuedMessages) {
  auto a = write([&](Subscriptions& s) {
             return s.create(company_, {"https://h.example/a", {"*"}, true}, kNowMs);
           }).subscription.subscription_id;
  auto b = write([&](Subscriptions& s) {
             return s.create(company_, {"https://h.example/b", {"*"}, true}, kNowMs);
           }).subscription.subscription_id;
  emit_case();
  SubscriptionChanges off;
  off.enabled = false;
  auto updated = write([&](Subscriptions& s) { return s.update(company_, a, off, kNowMs); });
  EXPECT_FALSE(updated.enabled);
  EXPECT_EQ(scalar("SELECT status FROM webhook_messages WHERE subscription_id = ?", {a}), 3);
  write([&](Subscriptions& s) {
    s.remove(company_, b);
    return 0;
  });
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages WHERE subscription_id = ?", {b}), 0);
  EXPECT_FALSE(write([&](Subscriptions& s) { return s.find(company_, b); }));
  // A disabled subscription hears nothing new.
  emit_case();
  EXPECT_EQ(scalar("SELECT count(*) FROM webhook_messages WHERE subscription_id = ?", {a}), 1);
}

TEST_P(SubscriptionsTest, RotationKeepsThePreviousSecretForADay) {
  auto created = write([&](Subscriptions& s) {
    return s.create(company_, {"https://h.example/", {"*"}, true}, kNowMs);
  });
  const auto id = created.subscription.subscription_id;
  auto fresh = write([&](Subscriptions& s) { return s.rotate_secret(company_, id, kNowMs); });
  EXPECT_NE(fresh, created.secret);
  EXPECT_TRUE(secret_key(fresh));
  auto sub = write([&](Subscriptions& s) { return s.find(company_, id); });
  ASSERT_TRUE(sub && sub->previous_secret_until);
  EXPECT_EQ(*sub->previous_secret_until, kNowMs + kRotationOverlapMs);
  db().read_now([&](storage::Session& s) {
    auto r = s.query(
        "SELECT secret, previous_secret FROM webhook_subscriptions WHERE subscription_id = ?",
        {id});
    ASSERT_TRUE(r.next());
    EXPECT_EQ(r.str(0), fresh);
    EXPECT_EQ(r.str(1), created.secret);
  });
}

TEST_P(SubscriptionsTest, DeliveriesFilterAndReplayKeepsTheWebhookId) {
  auto id = write([&](Subscriptions& s) {
              return s.create(company_, {"https://h.example/", {"*"}, true}, kNowMs);
            }).subscription.subscription_id;
  emit_case();
  const auto message =
      scalar("SELECT message_id FROM webhook_messages WHERE company_id = ?", {company_});
  // Two attempts as the worker records them: a failure, then a success.
  db().write_now([&](storage::Session& s) {
    for (int attempt = 1; attempt <= 2; ++attempt) {
      s.exec(
          "INSERT INTO webhook_deliveries (company_id, subscription_id, message_id, attempt, "
          "attempted_at, result, status_code, latency_ms, response) VALUES (?, ?, ?, ?, ?, ?, ?, "
          "5, 'x')",
          {company_, id, message, std::int64_t{attempt}, kNowMs + attempt,
           attempt == 1 ? "failed" : "succeeded", std::int64_t{attempt == 1 ? 500 : 200}});
    }
    s.exec("UPDATE webhook_messages SET status = 1, attempts = 2 WHERE message_id = ?", {message});
  });
  auto all = write([&](Subscriptions& s) { return s.deliveries(company_, {}); });
  ASSERT_EQ(all.total, 2);
  ASSERT_EQ(all.items.size(), 2u);
  EXPECT_EQ(all.items[0].attempt, 2);  // newest first
  EXPECT_EQ(all.items[0].event, "Case.Created");
  EXPECT_EQ(all.items[0].message_status, "delivered");
  DeliveryFilter failed;
  failed.result = "failed";
  auto only = write([&](Subscriptions& s) { return s.deliveries(company_, failed); });
  ASSERT_EQ(only.items.size(), 1u);
  EXPECT_EQ(only.items[0].status_code, 500);
  DeliveryFilter late;
  late.from_ms = kNowMs + 2;
  EXPECT_EQ(write([&](Subscriptions& s) { return s.deliveries(company_, late); }).total, 1);
  DeliveryFilter other_event;
  other_event.event = "Case.Updated";
  EXPECT_EQ(write([&](Subscriptions& s) { return s.deliveries(company_, other_event); }).total, 0);
  DeliveryFilter paged;
  paged.take = 1;
  paged.skip = 1;
  auto page = write([&](Subscriptions& s) { return s.deliveries(company_, paged); });
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].attempt, 1);
  // Another company sees none of it.
  EXPECT_EQ(write([&](Subscriptions& s) { return s.deliveries(company_ + 1000, {}); }).total, 0);

  auto webhook_id = write(
      [&](Subscriptions& s) { return s.replay(company_, all.items[0].delivery_id, kNowMs + 10); });
  EXPECT_EQ(webhook_id, all.items[0].webhook_id);
  EXPECT_EQ(scalar("SELECT status FROM webhook_messages WHERE message_id = ?", {message}), 0);
  EXPECT_EQ(scalar("SELECT attempts FROM webhook_messages WHERE message_id = ?", {message}), 0);
  EXPECT_THROW(write([&](Subscriptions& s) {
                 return s.replay(company_ + 1000, all.items[0].delivery_id, 0);
               }),
               core::ApiError);
}

OV_ON_EVERY_BACKEND(SubscriptionsTest);

}  // namespace
}  // namespace ov::webhooks
