-- The customer portal: monthly subscribers, their invoices, sessions (shared with the admin areas
-- later, by `kind`) and login attempts (throttling that every instance agrees on).
-- Nothing here is cached in process, so no NOTIFY trigger.

create table subscribers (
    tenant_id          uuid not null references tenants (id),
    id                 uuid not null default gen_random_uuid(),
    -- Upper-case customer numbers and lower-case PPPoE names never collide at login, and a
    -- lower-case RADIUS user name can never equal a voucher code (upper-case alphabet).
    customer_number    text not null check (customer_number ~ '^[A-Z0-9][A-Z0-9-]{2,31}$'),
    pppoe_username     text not null unique check (pppoe_username ~ '^[a-z0-9][a-z0-9_.@-]{2,63}$'),
    name               text not null check (length(name) between 1 and 120),
    phone              text not null default '',
    email              text not null default '',
    address            text not null default '',
    -- pgcrypto bcrypt: crypt(password, gen_salt('bf', cost))
    password_hash      text not null check (password_hash like '$2a$%'),
    plan_name          text not null check (length(plan_name) between 1 and 80),
    plan_radius_group  text not null check (plan_radius_group ~ '^[A-Za-z0-9_.-]{1,48}$'),
    monthly_price      bigint not null check (monthly_price between 1 and 100000000),
    status             text not null default 'active' check (status in ('active', 'isolated', 'terminated')),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, customer_number)
);

create table invoices (
    tenant_id           uuid not null references tenants (id),
    id                  uuid not null default gen_random_uuid(),
    invoice_number      text not null check (invoice_number ~ '^[A-Z0-9][A-Z0-9-]{2,31}$'),
    subscriber_id       uuid not null,
    period              text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    amount              bigint not null check (amount between 1 and 100000000),
    currency            text not null default 'IDR',
    status              text not null default 'unpaid' check (status in ('unpaid', 'paid', 'void')),
    due_date            date not null,
    -- Only the SHA-256 (hex) of the pay-by-link token: a leaked table cannot pay or read invoices.
    -- A link is re-sent by drawing a new token (which also retires the old link).
    payment_token_hash  text not null unique check (payment_token_hash ~ '^[0-9a-f]{64}$'),
    -- Platform-unique reference given to gateways ("IV" + 12), so the central webhook can find the
    -- tenant from a delivery the way it does with an order number ("EV" + 12).
    payment_reference   text not null unique check (payment_reference ~ '^IV[0-9A-Z]{12}$'),
    -- The checkout in progress, as on voucher_orders (filled by the payment path).
    gateway_id          uuid,
    gateway_provider    text,
    gateway_reference   text,
    checkout_url        text,
    created_at          timestamptz not null default now(),
    paid_at             timestamptz,
    primary key (tenant_id, id),
    unique (tenant_id, invoice_number),
    foreign key (tenant_id, subscriber_id) references subscribers (tenant_id, id),
    check ((status = 'paid') = (paid_at is not null))
);
create index invoices_subscriber on invoices (tenant_id, subscriber_id, status, due_date);
-- One live invoice per subscriber and month; a voided one may be issued again.
create unique index invoices_one_per_period on invoices (tenant_id, subscriber_id, period) where status <> 'void';

-- id is the SHA-256 (hex) of the cookie's token; the token itself is never stored.
create table sessions (
    id            text primary key check (id ~ '^[0-9a-f]{64}$'),
    tenant_id     uuid references tenants (id),
    kind          text not null check (kind in ('subscriber', 'tenant_admin', 'head_admin')),
    principal_id  uuid not null,
    csrf_secret   text not null check (length(csrf_secret) >= 32),
    created_at    timestamptz not null default now(),
    last_seen_at  timestamptz not null default now(),
    expires_at    timestamptz not null,
    -- Only head office works outside a tenant.
    check ((kind = 'head_admin') = (tenant_id is null))
);
create index sessions_principal on sessions (kind, principal_id);
create index sessions_expires on sessions (expires_at);

create table login_attempts (
    id              bigserial primary key,
    tenant_id       uuid references tenants (id),
    kind            text not null check (kind in ('subscriber', 'tenant_admin', 'head_admin')),
    -- What the visitor typed as the account, normalised (lower-case): unknown accounts are counted too.
    account_key     text not null check (length(account_key) <= 200),
    client_address  text not null,
    at              timestamptz not null default now(),
    succeeded       boolean not null
);
create index login_attempts_account on login_attempts (account_key, at) where not succeeded;
create index login_attempts_address on login_attempts (client_address, at) where not succeeded;
create index login_attempts_at on login_attempts (at);
