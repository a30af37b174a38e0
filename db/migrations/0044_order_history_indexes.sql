-- An order's admin page lists the gateway deliveries and the messages about it, found by its tenant and
-- number. Neither lookup had an index it could use: `webhook_events_reference` starts with `provider`,
-- which the page does not know (PostgreSQL reads such an index whole), and `notifications` had none
-- on `subject_ref` (a read of every message the tenant ever sent). With a tenth of 2 million orders
-- paid for one tenant, each with its delivery and message (make bench-scale), the page took 155 ms at
-- the median and grew with the history.
drop index webhook_events_reference;
create index webhook_events_subject on webhook_events (tenant_id, reference);
create index notifications_subject on notifications (tenant_id, subject_ref);

-- Nothing reads `dedupe_key` by value (a repeated delivery is recognised by the order's state and the
-- one paid `payments` row), so its index cost every delivery a random insert into a wide key for nothing.
-- The column stays: it tells a reader which stored deliveries were the same bytes.
drop index webhook_events_dedupe;
