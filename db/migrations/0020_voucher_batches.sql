-- Printed voucher batches: codes an ISP generates in bulk and sells through resellers for cash.
--
-- A batch copies what it sold from the package at generation (as an order does), so a card printed
-- later shows what its codes were made with. Its codes are ordinary `vouchers` rows (unique across the
-- platform like sold codes), belonging to a batch instead of an order; `password` is set only when the
-- batch gives each code a separate password (otherwise the code is its own password).
create table voucher_batches (
    tenant_id         uuid not null references tenants (id),
    id                uuid not null default gen_random_uuid(),
    profile_id        uuid not null,
    profile_name      text not null,
    price             bigint not null,
    validity_minutes  integer not null,
    data_quota_mb     bigint,
    reseller          text not null default '' check (length(reseller) <= 100),
    quantity          integer not null check (quantity between 1 and 5000),
    code_length       integer not null check (code_length between 4 and 16),
    prefix            text not null default '' check (prefix ~ '^[A-Za-z0-9]{0,8}$'),
    separate_password boolean not null default false,
    disabled_at       timestamptz,
    created_at        timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, profile_id) references voucher_profiles (tenant_id, id)
);
create index voucher_batches_tenant on voucher_batches (tenant_id, created_at desc);

alter table vouchers
    alter column order_id drop not null,
    add column batch_id uuid,
    add column password text,
    add constraint vouchers_batch foreign key (tenant_id, batch_id) references voucher_batches (tenant_id, id),
    add constraint vouchers_order_or_batch check (num_nonnulls(order_id, batch_id) = 1);
create index vouchers_batch_idx on vouchers (tenant_id, batch_id) where batch_id is not null;

select gerbang_protect_tenant_tables();
