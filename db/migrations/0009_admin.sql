-- Staff who run the sites: tenant admins (one tenant each) and head office (tenant_id null).
-- Sessions and login attempts are the portal's tables (0007), told apart by `kind`.

create table admins (
    id             uuid primary key default gen_random_uuid(),
    tenant_id      uuid references tenants (id),
    -- Stored lower-case, so "Admin@X" and "admin@x" are one account.
    email          text not null check (email = lower(email) and length(email) between 3 and 254),
    -- pgcrypto bcrypt: crypt(password, gen_salt('bf', 10))
    password_hash  text not null check (password_hash like '$2a$%'),
    role           text not null check (role in ('head_admin', 'tenant_admin')),
    created_at     timestamptz not null default now(),
    -- Only head office works outside a tenant.
    check ((role = 'head_admin') = (tenant_id is null))
);
-- Unique per tenant; head office shares one namespace (null tenant).
create unique index admins_email on admins (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), email);

-- Who changed what, append-only: before and after are the changed record as JSON (never secrets or bytes).
create table audit_log (
    id         bigserial primary key,
    tenant_id  uuid references tenants (id),
    actor      text not null,
    action     text not null,
    target     text not null,
    before     jsonb,
    after      jsonb,
    ip         text not null default '',
    at         timestamptz not null default now()
);
create index audit_log_tenant on audit_log (tenant_id, at desc);
