-- Each claim of an Idempotency-Key gets a token: the response is recorded (in the request's own
-- transaction) only by the claim that still holds the key, so a claim taken over after it expired
-- (its request crashed or hangs) can never complete twice. docs/decisions.md, 22.
alter table idempotency_key add column claim_token char(36) null;
