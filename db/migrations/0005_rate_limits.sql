-- Rate limits shared by every instance, and the security events worth a human's attention.

-- Sliding-window counters (Sources/Web/RateLimit/RateLimiter.swift): one row per limited key and
-- fixed window, incremented by one `insert … on conflict do update … returning` per check. A check
-- weighs the previous window's count by how much of it still overlaps the sliding window.
-- Keys name the rule and its subject (`tenant:<uuid>`, `login:<tenant>:<address>` …), never a secret.
-- Not tenant-owned: the webhook's and head office's keys exist before any tenant is known.
create table rate_limit_counters (
    bucket_key    text not null check (length(bucket_key) <= 300),
    window_start  timestamptz not null,
    hits          integer not null default 1,
    primary key (bucket_key, window_start)
);
create index rate_limit_counters_window on rate_limit_counters (window_start);

-- Login failures and lockouts, webhook rejections, rate-limit refusals (one per key and window):
-- who (tenant when known), from where, when, what.
create table security_events (
    id              bigserial primary key,
    tenant_id       uuid references tenants (id),
    kind            text not null check (kind in (
                        'login_failed', 'login_locked', 'webhook_rejected', 'rate_limited')),
    client_address  text not null default '',
    -- Free text for the reader: the area, the account typed, the reason; never a password or token.
    detail          text not null default '' check (length(detail) <= 500),
    at              timestamptz not null default now()
);
create index security_events_tenant on security_events (tenant_id, at desc);
create index security_events_at on security_events (at);
