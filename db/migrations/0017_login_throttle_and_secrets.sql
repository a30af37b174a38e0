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

-- Secrets at rest: gateway keys and callback tokens (payment_gateways.settings) and WhatsApp device
-- tokens (tenant_whatsapp_senders.token) are kept encrypted by pgcrypto's pgp_sym_encrypt under
-- SECRETS_KEY (Sources/Web/Security/SecretsKey.swift), in the *_sealed columns. The key is never in a
-- migration, so existing plain values stay where they are and the application seals and clears them
-- when it starts (Sources/Web/Security/SecretsAtRest.swift); until then, and for a plain value written
-- by hand, the plain column is read as it is.
alter table payment_gateways add column settings_sealed bytea;
alter table payment_gateways alter column settings drop not null;
alter table payment_gateways alter column settings drop default;
alter table payment_gateways add check (settings is not null or settings_sealed is not null);

alter table tenant_whatsapp_senders add column token_sealed bytea;
alter table tenant_whatsapp_senders alter column token drop not null;
alter table tenant_whatsapp_senders add check (token is not null or token_sealed is not null);

-- A tenant's scope no longer reads the platform's central account: its keys are no tenant's business.
-- The application reads the central account it falls back to through the cross-tenant scope.
drop policy central_rows_readable on payment_gateways;
