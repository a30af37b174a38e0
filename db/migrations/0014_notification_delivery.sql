-- The outbox's sender: when a message went out and under which provider id, and why the last
-- attempt failed (shown to support; never the provider's credentials).
alter table notifications
    add column sent_at timestamptz,
    add column provider_message_id text,
    add column last_error text;
