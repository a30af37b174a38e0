-- Sign-in throttling that slows attackers without ever locking the rightful owner out
-- (Sources/Web/Security/LoginThrottle.swift).
--
-- One row per throttled subject of one sign-in area (portal, tenant admin, head office): an account
-- from one client address (the pair), an account from anywhere (account key only), or one address
-- whatever the account (address only; the absent part is ''). Each attempt takes its decision by
-- locking its rows: it goes ahead only when every row's next_allowed_at has passed, and then counts
-- itself as a failure before the password is checked (a success takes it back), so parallel
-- attempts cannot all slip through before the first failure is written. Refused attempts change
-- nothing, so hammering does not extend the wait.
create table login_throttle (
    tenant_id        uuid references tenants (id),
    kind             text not null check (kind in ('subscriber', 'tenant_admin', 'head_admin')),
    -- What the visitor typed as the account, normalised (lower-case): unknown accounts are throttled too.
    account_key      text not null check (length(account_key) <= 200),
    client_address   text not null check (length(client_address) <= 100),
    failures         integer not null default 0,
    next_allowed_at  timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    check (account_key <> '' or client_address <> ''),
    unique nulls not distinct (tenant_id, kind, account_key, client_address)
);
create index login_throttle_updated on login_throttle (updated_at);

-- The old fixed-window lockout's log: five failures locked any account, head office's included.
drop table login_attempts;

select gerbang_protect_tenant_tables();
