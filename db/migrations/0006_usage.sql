-- What each tenant used per calendar month in UTC, for billing. Counted in memory by every instance
-- and added here in batches (`… on conflict (tenant_id, period) do update set x = x + excluded.x`).
create table tenant_usage (
    tenant_id      uuid not null references tenants (id),
    -- 'YYYY-MM' of the UTC month the counted requests arrived in.
    period         text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    page_views     bigint not null default 0 check (page_views >= 0),
    orders         bigint not null default 0 check (orders >= 0),
    paid_orders    bigint not null default 0 check (paid_orders >= 0),
    -- Rupiah received for paid orders and invoices.
    paid_amount    bigint not null default 0 check (paid_amount >= 0),
    webhook_calls  bigint not null default 0 check (webhook_calls >= 0),
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, period)
);
create index tenant_usage_period on tenant_usage (period);
