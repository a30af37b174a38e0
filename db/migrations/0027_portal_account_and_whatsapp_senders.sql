-- Two things a subscriber business needs from the portal and the outbox.
--
-- 1. Portal password resets: a subscriber who forgot the password asks for a six-digit code, sent to the
--    WhatsApp number on file through the outbox; only an HMAC-SHA256 of the code (keyed with SECRETS_KEY,
--    so a copy of this table cannot be searched through the million possible codes) is kept. A code
--    lives 15 minutes, takes a few wrong guesses at most, and works once (Sources/Web/Portal/SubscriberPasswords.swift).
create table subscriber_password_resets (
    tenant_id      uuid not null references tenants (id),
    id             uuid not null default gen_random_uuid(),
    subscriber_id  uuid not null,
    code_hmac      text not null check (code_hmac ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz not null default now(),
    expires_at     timestamptz not null,
    wrong_guesses  integer not null default 0,
    used_at        timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, subscriber_id) references subscribers (tenant_id, id)
);
create index subscriber_password_resets_live on subscriber_password_resets (tenant_id, subscriber_id, created_at)
    where used_at is null;

-- 2. Several WhatsApp senders per tenant (ISPs run several gateway devices for volume): each with a name,
--    a per-minute capacity and its own on/off switch. Messages are spread over them by what each has left
--    in the current minute, and move to another when one refuses (Sources/Web/Jobs/WhatsAppDelivery.swift).
alter table tenant_whatsapp_senders drop constraint tenant_whatsapp_senders_pkey;
alter table tenant_whatsapp_senders
    add column id uuid not null default gen_random_uuid(),
    add column name text not null default 'Fonnte' check (length(name) between 1 and 60),
    add column per_minute integer not null default 20 check (per_minute between 1 and 1000),
    add column created_at timestamptz not null default now(),
    add primary key (tenant_id, id);

-- Messages handed to each sender per minute, counted here so every worker and instance spends one
-- sender's capacity together. Keys name the sender (`tenant:<sender id>`, `platform:<digest of its token>`),
-- never a secret. Rows older than an hour are swept by the delivery job.
create table whatsapp_sender_minutes (
    sender_key  text not null check (length(sender_key) <= 200),
    minute      timestamptz not null,
    sent        integer not null default 0,
    primary key (sender_key, minute)
);

-- Which sender took each message (`platform:<name>`, `own:<name>`), for support.
alter table notifications add column sent_by text check (length(sent_by) <= 200);
-- A message that carries a secret (a reset code) keeps its text only until it is sent or given up;
-- then this placeholder replaces it.
alter table notifications add column redacted_body text;

select gerbang_protect_tenant_tables();
