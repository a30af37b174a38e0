-- The ISP's money: what it spends (expenses it enters by hand), and one ledger of every movement, read
-- by the monthly report and by head office alike, so both count the same rows the same way.

create table expenses (
    tenant_id   uuid not null references tenants (id),
    id          uuid not null default gen_random_uuid(),
    -- The day the money went out, a calendar date as the ISP writes it (no time zone to apply).
    spent_on    date not null,
    category    text not null check (category in ('bandwidth', 'salaries', 'rent', 'electricity', 'equipment', 'other')),
    amount      bigint not null check (amount between 1 and 100000000000),
    note        text not null default '' check (length(note) <= 500),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index expenses_tenant_day on expenses (tenant_id, spent_on);

-- One row per money movement: every `payments` row (a refund counts against income) and every expense.
-- `day` is the payment's date in the tenant's time zone; `amount` is signed as it moves the balance
-- (income positive, refunds and expenses negative). `channel` is how money came in (`online`, `cash`,
-- `bank_transfer`, `reseller`) or, for an expense, its category; `item` the package an order sold or
-- the plan an invoice billed. Row-level security applies as to the tables (the caller's scope).
create view finance_ledger with (security_invoker = true) as
select p.tenant_id, 'payment'::text as kind, p.id, p.created_at as at,
    (p.created_at at time zone coalesce(b.time_zone, 'Asia/Jakarta'))::date as day,
    case when p.subject = 'reseller' then 'reseller' when p.method = 'gateway' then 'online' else p.method end as channel,
    p.subject,
    coalesce(case p.subject when 'order' then o.profile_name when 'invoice' then pl.name end, '') as item,
    case when p.status = 'refunded' then -p.amount else p.amount end as amount,
    p.status, coalesce(p.gateway_reference, '') as reference, p.note
from payments p
left join tenant_branding b on b.tenant_id = p.tenant_id
left join voucher_orders o on p.subject = 'order' and o.tenant_id = p.tenant_id and o.id = p.subject_id
left join invoices i on p.subject = 'invoice' and i.tenant_id = p.tenant_id and i.id = p.subject_id
left join plans pl on pl.tenant_id = i.tenant_id and pl.id = i.plan_id
union all
select e.tenant_id, 'expense', e.id, e.created_at, e.spent_on, e.category, 'expense', '', -e.amount, 'paid', '', e.note
from expenses e;

select gerbang_protect_tenant_tables();
