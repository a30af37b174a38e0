-- The e-voucher store: packages, orders, vouchers, gateways, the webhook log, payments and the
-- notification outbox. Money is bigint rupiah. An order copies what it sold from its profile, so
-- a later price or group change never alters what was already sold.

create table voucher_profiles (
    tenant_id        uuid not null references tenants (id),
    id               uuid not null default gen_random_uuid(),
    name             text not null check (length(name) between 1 and 80),
    description      text not null default '' check (length(description) <= 500),
    price            bigint not null check (price between 1 and 100000000),
    validity_minutes integer not null check (validity_minutes between 1 and 525600),
    data_quota_mb    bigint check (data_quota_mb is null or data_quota_mb > 0),
    download_kbps    integer check (download_kbps is null or download_kbps > 0),
    upload_kbps      integer check (upload_kbps is null or upload_kbps > 0),
    shared_users     integer not null default 1 check (shared_users between 1 and 20),
    radius_group     text not null check (radius_group ~ '^[A-Za-z0-9_.-]{1,48}$'),
    code_length      integer not null default 8 check (code_length between 6 and 16),
    evoucher_access  boolean not null default true,
    sort             integer not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    deleted_at       timestamptz,
    primary key (tenant_id, id)
);

create table voucher_orders (
    tenant_id         uuid not null references tenants (id),
    id                uuid not null default gen_random_uuid(),
    order_number      text not null unique check (order_number ~ '^EV[0-9A-Z]{12}$'),
    access_token_hash text not null,
    idempotency_key   text not null check (length(idempotency_key) between 16 and 64),
    profile_id        uuid not null,
    -- what was sold, copied from the profile at order time
    profile_name      text not null,
    unit_price        bigint not null,
    validity_minutes  integer not null,
    data_quota_mb     bigint,
    download_kbps     integer,
    upload_kbps       integer,
    shared_users      integer not null,
    radius_group      text not null,
    code_length       integer not null,
    quantity          integer not null check (quantity between 1 and 10),
    amount            bigint not null check (amount = unit_price * quantity),
    currency          text not null default 'IDR',
    buyer_name        text not null default '',
    buyer_phone       text not null check (buyer_phone ~ '^\+62[0-9]{8,13}$'),
    buyer_email       text not null default '',
    language          text not null default 'id' check (language in ('id', 'en')),
    status            text not null default 'pending'
                      check (status in ('pending', 'paid', 'expired', 'failed', 'cancelled')),
    gateway_id        uuid,
    gateway_provider  text,
    gateway_reference text,
    checkout_url      text,
    created_at        timestamptz not null default now(),
    paid_at           timestamptz,
    expires_at        timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, idempotency_key),
    foreign key (tenant_id, profile_id) references voucher_profiles (tenant_id, id)
);
create index voucher_orders_pending on voucher_orders (expires_at) where status = 'pending';
create index voucher_orders_phone on voucher_orders (tenant_id, buyer_phone);
create index voucher_orders_gateway_reference on voucher_orders (gateway_provider, gateway_reference);

create table vouchers (
    tenant_id   uuid not null references tenants (id),
    id          uuid not null default gen_random_uuid(),
    code        text not null unique,
    profile_id  uuid not null,
    order_id    uuid not null,
    status      text not null default 'issued' check (status in ('issued', 'used', 'expired', 'revoked')),
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, order_id) references voucher_orders (tenant_id, id)
);
create index vouchers_order on vouchers (tenant_id, order_id);

-- tenant_id null: the central row for that provider.
create table payment_gateways (
    id          uuid primary key default gen_random_uuid(),
    tenant_id   uuid references tenants (id),
    provider    text not null check (provider in ('sandbox', 'midtrans', 'xendit')),
    settings    jsonb not null default '{}',
    is_sandbox  boolean not null default true,
    is_active   boolean not null default true,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique nulls not distinct (tenant_id, provider)
);
-- At most one active account centrally and one per tenant, so "the effective gateway" is never ambiguous.
create unique index payment_gateways_one_active on payment_gateways (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000')) where is_active;

-- Every delivery is kept, verified or not; idempotency lives in the order's state change.
create table webhook_events (
    id           bigserial primary key,
    provider     text not null,
    tenant_id    uuid references tenants (id),
    reference    text,
    dedupe_key   text not null,
    received_at  timestamptz not null default now(),
    headers      jsonb not null,
    body         text not null,
    outcome      text not null default 'received'
                 check (outcome in ('received', 'processed', 'duplicate', 'ignored', 'rejected', 'failed')),
    reason       text
);
create index webhook_events_dedupe on webhook_events (dedupe_key);
create index webhook_events_reference on webhook_events (provider, reference);

-- Every money movement, append-only.
create table payments (
    tenant_id          uuid not null references tenants (id),
    id                 uuid not null default gen_random_uuid(),
    subject            text not null check (subject in ('order', 'invoice')),
    subject_id         uuid not null,
    gateway_provider   text not null,
    gateway_reference  text,
    amount             bigint not null,
    currency           text not null default 'IDR',
    status             text not null check (status in ('paid', 'refunded')),
    webhook_event_id   bigint references webhook_events (id),
    created_at         timestamptz not null default now(),
    primary key (tenant_id, id)
);
-- One payment per order or invoice, whatever the gateway repeats.
create unique index payments_once on payments (tenant_id, subject, subject_id) where status = 'paid';

create table notifications (
    tenant_id        uuid not null references tenants (id),
    id               bigserial,
    channel          text not null check (channel in ('whatsapp', 'email')),
    recipient        text not null,
    body             text not null,
    subject_ref      text,
    status           text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null default now(),
    created_at       timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index notifications_due on notifications (next_attempt_at) where status = 'pending';

create trigger voucher_profiles_changed after insert or update or delete on voucher_profiles
    for each row execute function gerbang_notify_tenant_changed();
create trigger payment_gateways_changed after insert or update or delete on payment_gateways
    for each row execute function gerbang_notify_tenant_changed();
