-- Signed webhooks (ENDPOINTS.md §5): subscriptions, the outbox of messages written in the
-- transaction of the change they report, and the log of every delivery attempt. Times are Unix
-- milliseconds: delivery latency and retry schedules are finer than a second.

CREATE TABLE webhook_subscriptions (
  subscription_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  url TEXT NOT NULL,
  -- A JSON array of "<Topic>.<Event>" names, or ["*"].
  events TEXT NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  -- Why the server disabled it (a 410 answer); null when an operator did, or when enabled.
  disabled_reason TEXT,
  -- The signing secret ("whsec_" + base64 of 32 random bytes). After a rotation the previous one
  -- also signs until previous_secret_until, so receivers can switch without losing a message.
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_secret_until INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- The one read every emitting write makes: the company's enabled subscriptions.
CREATE INDEX webhook_subscriptions_company ON webhook_subscriptions (company_id, enabled);

-- One row per event and matching subscription.
CREATE TABLE webhook_messages (
  message_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  subscription_id INTEGER NOT NULL
    REFERENCES webhook_subscriptions (subscription_id) ON DELETE CASCADE,
  -- "msg_" + ULID: the webhook-id of every attempt. Unique by construction (80 random bits);
  -- no index: nothing looks a message up by it, and each index costs every emitting write.
  webhook_id TEXT NOT NULL,
  -- "<Topic>.<Event>".
  event TEXT NOT NULL,
  -- The exact bytes sent (compact UTF-8 JSON, §5.2).
  body TEXT NOT NULL,
  -- 0 pending, 1 delivered, 2 failed (attempts exhausted, or 410), 3 dropped (subscription
  -- disabled before delivery).
  status INTEGER NOT NULL CHECK (status IN (0, 1, 2, 3)),
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  -- A server claimed the message for an attempt until this time; another server may claim it
  -- once it has passed (the claimant died). claim_token names the claim.
  lease_until INTEGER,
  claim_token TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- The delivery worker's claim: due pending messages in order.
CREATE INDEX webhook_messages_due ON webhook_messages (next_attempt_at) WHERE status = 0;
CREATE INDEX webhook_messages_subscription ON webhook_messages (subscription_id, status);
-- Retention: finished messages by age.
CREATE INDEX webhook_messages_age ON webhook_messages (updated_at) WHERE status <> 0;

-- Every attempt.
CREATE TABLE webhook_deliveries (
  delivery_id INTEGER PRIMARY KEY AUTOINCREMENT,
  company_id INTEGER NOT NULL REFERENCES companies (company_id),
  subscription_id INTEGER NOT NULL
    REFERENCES webhook_subscriptions (subscription_id) ON DELETE CASCADE,
  message_id INTEGER NOT NULL REFERENCES webhook_messages (message_id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  attempted_at INTEGER NOT NULL,
  -- 'succeeded' or 'failed'.
  result TEXT NOT NULL CHECK (result IN ('succeeded', 'failed')),
  -- The receiver's answer; null when none came (refused, timed out, closed).
  status_code INTEGER,
  latency_ms INTEGER NOT NULL,
  -- The first 1 KiB of the answer's body.
  response TEXT,
  error TEXT
);
CREATE INDEX webhook_deliveries_company ON webhook_deliveries (company_id, delivery_id);
CREATE INDEX webhook_deliveries_message ON webhook_deliveries (message_id);
CREATE INDEX webhook_deliveries_age ON webhook_deliveries (attempted_at);
