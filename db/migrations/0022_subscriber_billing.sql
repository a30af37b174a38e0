-- Monthly subscribers as an ISP runs them: plans of their own (a subscriber points at one instead of
-- carrying a copy of its name, price and group), a billing day, an installation date, notes, and the
-- `suspended` status (the ISP's pause: no login, no invoices) beside `isolated` (cut off for non-payment).
-- `terminated` is the soft delete: the row, its invoices and its history stay, and it can be restored.
--
-- Also the tenant's billing settings, and money movements other than a gateway's: payments taken at the
-- counter (cash, bank transfer) and reseller settlements, still append-only in `payments`.

create table plans (
    tenant_id      uuid not null references tenants (id),
    id             uuid not null default gen_random_uuid(),
    name           text not null check (length(name) between 1 and 80),
    price          bigint not null check (price between 1 and 100000000),
    -- Null: Gerbang sends no rate limit for the plan (the group's replies are the ISP's own).
    download_kbps  integer check (download_kbps between 1 and 100000000),
    upload_kbps    integer check (upload_kbps between 1 and 100000000),
    -- The plan's part of its RADIUS group name (`<tenant slug>-<radius_group>`).
    radius_group   text not null check (radius_group ~ '^[A-Za-z0-9_.-]{1,48}$'),
    is_active      boolean not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name),
    unique (tenant_id, radius_group)
);

-- Every plan the subscribers so far carried becomes a plan row: one per tenant and group.
insert into plans (tenant_id, name, price, radius_group)
select distinct on (tenant_id, plan_radius_group) tenant_id, plan_name, monthly_price, plan_radius_group
from subscribers
order by tenant_id, plan_radius_group, created_at;

alter table subscribers add column plan_id uuid;
update subscribers s set plan_id = p.id
from plans p where p.tenant_id = s.tenant_id and p.radius_group = s.plan_radius_group;

alter table subscribers
    alter column plan_id set not null,
    add constraint subscribers_plan foreign key (tenant_id, plan_id) references plans (tenant_id, id),
    drop column plan_name,
    drop column plan_radius_group,
    drop column monthly_price,
    -- The day of the month the invoice is made; 29–31 fall on a short month's last day.
    add column billing_day integer not null default 1 check (billing_day between 1 and 31),
    add column installation_date date,
    add column notes text not null default '' check (length(notes) <= 2000),
    -- When the status last changed, and why (shown in the admin's history beside the audit log).
    add column status_changed_at timestamptz not null default now(),
    add column status_reason text not null default '' check (length(status_reason) <= 500),
    drop constraint subscribers_status_check,
    add constraint subscribers_status_check check (status in ('active', 'isolated', 'suspended', 'terminated'));
create index subscribers_plan on subscribers (tenant_id, plan_id);

-- A subscriber as the application reads one: with its plan's name, group and price. Row-level security
-- applies as to the tables (the caller's scope, not the view owner's).
create view subscribers_with_plan with (security_invoker = true) as
select s.*, p.name as plan_name, p.radius_group as plan_radius_group, p.price as monthly_price
from subscribers s join plans p on p.tenant_id = s.tenant_id and p.id = s.plan_id;
create index subscribers_status on subscribers (tenant_id, status);

-- What an invoice was for: the plan at the time it was made (a plan changed later does not rewrite it).
alter table invoices
    add column plan_id uuid,
    add constraint invoices_plan foreign key (tenant_id, plan_id) references plans (tenant_id, id),
    add column voided_at timestamptz,
    add column void_reason text check (length(void_reason) <= 500),
    add constraint invoices_voided_only_void check (voided_at is null or status = 'void');
update invoices i set plan_id = s.plan_id from subscribers s where s.tenant_id = i.tenant_id and s.id = i.subscriber_id;

-- A tenant's billing settings: one row each, made with the tenant (by trigger), so the defaults live
-- in the column definitions alone.
create table tenant_billing_settings (
    tenant_id             uuid primary key references tenants (id),
    -- The first invoice covers only the days from installation to the next billing day.
    prorate_first_invoice boolean not null default false,
    -- Days from the invoice to its due date.
    due_days              integer not null default 10 check (due_days between 0 and 60),
    -- Days after the due date before an unpaid subscriber is isolated.
    isolation_grace_days  integer not null default 3 check (isolation_grace_days between 0 and 90),
    -- Days before the due date for the reminder (another one goes on the due date itself).
    reminder_days_before  integer not null default 3 check (reminder_days_before between 0 and 30),
    updated_at            timestamptz not null default now()
);
insert into tenant_billing_settings (tenant_id) select id from tenants;

create or replace function gerbang_create_billing_settings() returns trigger
language plpgsql as $$
begin
    insert into tenant_billing_settings (tenant_id) values (new.id) on conflict do nothing;
    return new;
end
$$;
create trigger tenants_billing_settings after insert on tenants
    for each row execute function gerbang_create_billing_settings();

-- Money taken outside a gateway: `method` says how, `recorded_by` who entered it, `note` the reference
-- (a transfer's number, a receipt book's page). A counter payment may be partial, so only gateway
-- payments stay one per subject; reseller settlements have a reseller as their subject.
alter table payments
    add column method text not null default 'gateway' check (method in ('gateway', 'cash', 'bank_transfer')),
    add column recorded_by text,
    add column note text not null default '' check (length(note) <= 500),
    drop constraint payments_subject_check,
    add constraint payments_subject_check check (subject in ('order', 'invoice', 'reseller')),
    add constraint payments_counter_recorded check ((method = 'gateway') = (recorded_by is null));
drop index payments_once;
create unique index payments_once on payments (tenant_id, subject, subject_id) where status = 'paid' and method = 'gateway';
create index payments_tenant_time on payments (tenant_id, created_at);

select gerbang_protect_tenant_tables();
