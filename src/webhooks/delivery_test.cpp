// The delivery worker's schedule: the contract's retry waits and the durations of the serve
// flags (--webhook-retry-schedule, --webhook-attempt-timeout).
#include "webhooks/delivery.hpp"

#include <gtest/gtest.h>

#include "storage/test_database.hpp"

namespace ov::webhooks {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

TEST(WebhookSchedule, TheDefaultIsTheContractsSevenWaits) {
  // ENDPOINTS.md §5.1: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (8 attempts in all).
  EXPECT_EQ(default_retry_schedule(),
            (std::vector<milliseconds>{5s, 5min, 30min, 2h, 5h, 10h, 10h}));
  EXPECT_EQ(DeliveryOptions{}.attempt_timeout, 15s);
  EXPECT_EQ(DeliveryOptions{}.retry_schedule, default_retry_schedule());
}

TEST(WebhookSchedule, DurationsTakeUnitsAndRefuseNonsense) {
  EXPECT_EQ(parse_durations("1s,2s,4s"), (std::vector<milliseconds>{1s, 2s, 4s}));
  EXPECT_EQ(parse_durations("500ms"), std::vector<milliseconds>{500ms});
  EXPECT_EQ(parse_durations(" 5m, 2h "), (std::vector<milliseconds>{5min, 2h}));
  EXPECT_EQ(parse_durations("24h"), std::vector<milliseconds>{24h});
  EXPECT_FALSE(parse_durations(""));
  EXPECT_FALSE(parse_durations("1"));
  EXPECT_FALSE(parse_durations("1x"));
  EXPECT_FALSE(parse_durations("-1s"));
  EXPECT_FALSE(parse_durations("1s,,2s"));
  EXPECT_FALSE(parse_durations("25h"));  // more than a day between attempts
  EXPECT_FALSE(parse_durations("99999999999999h"));
}

TEST(WebhookSchedule, AClaimOutlastsItsAttempt) {
  storage::TempDatabase db;
  DeliveryOptions o;
  o.attempt_timeout = 1s;
  DeliveryWorker w(*db, o);
  EXPECT_EQ(w.lease(), 4s);
  DeliveryWorker standard(*db, {});
  EXPECT_EQ(standard.lease(), 32s);
}

}  // namespace
}  // namespace ov::webhooks
