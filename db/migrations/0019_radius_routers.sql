-- Routers per ISP, and what FreeRADIUS needs to enforce what was sold (deploy/freeradius/ holds the queries).
--
-- A router (FreeRADIUS's NAS) belongs to one tenant and is known by the address its packets come from
-- (`nasname`: the public or tunnel address, unique on the platform since that is all FreeRADIUS sees).
-- FreeRADIUS matches a user's rows only when the asking router belongs to the same tenant, so user names
-- need only be unique per tenant. Accounting and log-in rows are stamped with the router's tenant by the
-- triggers below, from the source address our queries store in `nasipaddress`.

alter table nas
    add column tenant_id uuid not null references tenants (id),
    add column identifier text not null default '' check (length(identifier) <= 64),
    add column kind text not null default 'hotspot' check (kind in ('hotspot', 'pppoe')),
    add column coa_port integer not null default 3799 check (coa_port between 1 and 65535),
    add column created_at timestamptz not null default now(),
    add column updated_at timestamptz not null default now();
drop index nas_nasname;
create unique index nas_address on nas (nasname);
create unique index nas_tenant_shortname on nas (tenant_id, shortname);

-- What the dynamic-clients server reads: one row per router address. security_invoker, so the reader's
-- own row-level policy (FreeRADIUS's role reads every router) applies, not the view owner's.
create view radius_clients with (security_invoker = true) as
    select nasname as address, secret, shortname, kind from nas;

-- Sessions and log-ins carry the router's tenant and id (null for an unknown router; kept when it is
-- deleted, as history).
alter table radacct add column tenant_id uuid references tenants (id), add column nas_id integer;
create index radacct_tenant_user_idx on radacct (tenant_id, username);
create index radacct_open_idx on radacct (tenant_id, nas_id) where acctstoptime is null;
alter table radpostauth
    add column tenant_id uuid references tenants (id),
    add column nasipaddress inet,
    add column reason text,
    add column nas_id integer;

create or replace function gerbang_radius_router_stamp() returns trigger
language plpgsql as $$
begin
    if new.nasipaddress is not null and new.tenant_id is null then
        select n.tenant_id into new.tenant_id from nas n where n.nasname = host(new.nasipaddress);
    end if;
    if new.nasipaddress is not null and new.nas_id is null then
        select n.id into new.nas_id from nas n where n.nasname = host(new.nasipaddress);
    end if;
    return new;
end
$$;
create trigger radacct_router before insert on radacct
    for each row execute function gerbang_radius_router_stamp();
create trigger radpostauth_router before insert on radpostauth
    for each row execute function gerbang_radius_router_stamp();

-- User names unique per tenant: the same PPPoE name may serve two ISPs.
drop index radcheck_username;
create unique index radcheck_username on radcheck (tenant_id, username, attribute) nulls not distinct;
drop index radreply_username;
create unique index radreply_username on radreply (tenant_id, username, attribute) nulls not distinct;
drop index radusergroup_username;
create unique index radusergroup_username on radusergroup (tenant_id, username, groupname) nulls not distinct;
alter table subscribers drop constraint subscribers_pppoe_username_key;
create unique index subscribers_pppoe_username on subscribers (tenant_id, pppoe_username);

-- Whether a package's validity counts from the code's first log-in (the hotspot custom) or from purchase;
-- orders keep what they sold.
alter table voucher_profiles
    add column validity_from text not null default 'first_login' check (validity_from in ('first_login', 'purchase'));
alter table voucher_orders
    add column validity_from text not null default 'first_login' check (validity_from in ('first_login', 'purchase'));

-- FreeRADIUS's role: reads routers and the tables it authenticates from, reads and writes its logs
-- (counters sum radacct; the stale-session job and Disconnect are Gerbang's own).
create or replace function gerbang_grant_radius_role(role_name text) returns void
language plpgsql as $$
declare
    target text;
begin
    execute format('grant usage on schema public to %I', role_name);
    foreach target in array array['radcheck', 'radreply', 'radusergroup', 'radgroupcheck', 'radgroupreply', 'nas'] loop
        execute format('grant select on %I to %I', target, role_name);
        execute format('drop policy if exists radius_read on %I', target);
        execute format('create policy radius_read on %I for select to %I using (true)', target, role_name);
    end loop;
    execute format('grant select on radius_clients to %I', role_name);
    foreach target in array array['radacct', 'radpostauth'] loop
        execute format('grant select, insert, update on %I to %I', target, role_name);
        execute format('drop policy if exists radius_write on %I', target);
        execute format('create policy radius_write on %I to %I using (true) with check (true)', target, role_name);
    end loop;
    execute format('grant usage, select on radacct_radacctid_seq, radpostauth_id_seq to %I', role_name);
end
$$;

select gerbang_protect_tenant_tables();

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'gerbang_radius') then
        perform gerbang_grant_radius_role('gerbang_radius');
    end if;
end
$$;
