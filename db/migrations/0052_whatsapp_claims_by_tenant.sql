-- The WhatsApp sender's claim finds each tenant's waiting messages from one index.
--
-- A claim serves tenants in turns (each tenant's oldest due message before any tenant's second), so it
-- must know which tenants have messages waiting. It read them from `notifications_due`, which is in time
-- order: every due message of the platform, each checked against its row. And it locked up to a batch of
-- every such tenant's messages before choosing the batch. After a billing run had queued reminders
-- for 9,702 ISPs (196,004 messages, make bench-scale's platform), one claim took 1.5 s with a platform
-- number and 116 ms (and as long again compiling it) without one; the sender claims every few seconds.
--
-- In this index a tenant's waiting messages lie together in the order they are due: the tenants are
-- found by skipping from one to the next, each tenant's first due message is one step, and only the
-- batch's own rows are locked.
create index notifications_whatsapp_due on notifications (tenant_id, next_attempt_at, id)
    where status = 'pending' and channel = 'whatsapp';
