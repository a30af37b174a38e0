-- Resellers: the warung and agents an ISP sells printed batches through for cash.
--
-- A reseller's terms say what it pays the ISP per card it sells: either the card's price less a
-- commission (`commission_percent` of the price, rounded down to whole rupiah, is the reseller's), or a
-- fixed price per card whatever the package (`card_price`). A batch copies what its reseller pays per
-- card when it is generated (`reseller_card_price`), as it copies the package: new terms apply to new
-- batches and never rewrite what an earlier batch's codes cost.
--
-- What a reseller owes is derived, never stored: its used codes (see `gerbang_voucher_used`) times what
-- each batch's card costs it, less its settlements, which are `payments` rows with subject 'reseller'.
create table resellers (
    tenant_id           uuid not null references tenants (id),
    id                  uuid not null default gen_random_uuid(),
    name                text not null check (length(name) between 1 and 100),
    -- `+62…`; null only for a reseller made from an earlier batch's free-text name, until the admin adds it.
    whatsapp            text check (whatsapp ~ '^\+62[0-9]{8,13}$'),
    terms               text not null default 'commission' check (terms in ('commission', 'price')),
    commission_percent  integer check (commission_percent between 0 and 100),
    card_price          bigint check (card_price between 0 and 100000000),
    is_active           boolean not null default true,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    primary key (tenant_id, id),
    constraint resellers_terms check (
        (terms = 'commission' and commission_percent is not null and card_price is null)
        or (terms = 'price' and card_price is not null and commission_percent is null))
);
create unique index resellers_tenant_name on resellers (tenant_id, lower(name));

-- Every name typed so far becomes a reseller who pays the full price (no commission agreed yet).
insert into resellers (tenant_id, name, commission_percent)
select distinct on (tenant_id, lower(btrim(reseller))) tenant_id, btrim(reseller), 0
from voucher_batches
where btrim(reseller) <> ''
order by tenant_id, lower(btrim(reseller)), created_at;

alter table voucher_batches
    add column reseller_id uuid,
    add column reseller_card_price bigint check (reseller_card_price between 0 and 100000000),
    add constraint voucher_batches_reseller foreign key (tenant_id, reseller_id) references resellers (tenant_id, id),
    add constraint voucher_batches_reseller_price check ((reseller_id is null) = (reseller_card_price is null));
update voucher_batches b set reseller_id = r.id, reseller_card_price = b.price
from resellers r
where r.tenant_id = b.tenant_id and lower(r.name) = lower(btrim(b.reseller));
alter table voucher_batches drop column reseller;
create index voucher_batches_reseller on voucher_batches (tenant_id, reseller_id) where reseller_id is not null;

-- Whether a code has been used: the one rule every page and figure counts by. A session in radacct
-- says so at once; the voucher-state sweep's `used`/`expired` still says so after old sessions are
-- purged from radacct. Plain SQL, so the planner inlines it into the query that calls it.
create or replace function gerbang_voucher_used(tenant uuid, code text, status text) returns boolean
language sql stable as $$
    select $3 in ('used', 'expired')
        or exists (select 1 from radacct r where r.tenant_id = $1 and r.username = $2)
$$;

-- A reseller's settlements, newest first, on its page and in its balance.
create index payments_subject on payments (tenant_id, subject, subject_id);

select gerbang_protect_tenant_tables();
