-- Row-level security on every tenant-owned table: a statement sees and writes only the rows of the
-- tenant its transaction names (`set_config('app.tenant_id', …, true)`), even a statement whose own
-- `where tenant_id = …` was forgotten. Head office and the lookups made before a tenant is known name
-- the cross-tenant scope instead (`set_config('app.scope', 'all', true)`). With neither set, no tenant
-- row is visible and none can be written. FORCE makes the owner obey the policies too; its sessions
-- carry `app.scope = all` by default (a role setting made by a superuser, see scripts/pg.sh), so
-- migrations, maintenance and test fixtures keep working, and a session can still narrow itself.
--
-- Rows whose tenant_id is null belong to no tenant: central payment accounts, head-office admins,
-- sessions and login attempts, webhook deliveries not yet matched to an order, head-office audit
-- entries. A tenant scope never sees them, with one exception: a tenant reads (never writes) the
-- central payment account it falls back to when it has none of its own.

-- The one definition of "this row is visible here", for a table keyed by `column_name`.
create or replace function gerbang_tenant_policy_expression(column_name text) returns text
language sql immutable as $$
    select format(
        '%I = nullif(current_setting(''app.tenant_id'', true), '''')::uuid or current_setting(''app.scope'', true) = ''all''',
        column_name)
$$;

-- Enables and forces RLS, with the `tenant_isolation` policy, on every table of schema public that has a
-- tenant_id column. Idempotent: a migration that adds such a table ends with
-- `select gerbang_protect_tenant_tables();`, and `gerbang migrate` calls it after every run as well.
create or replace function gerbang_protect_tenant_tables() returns void
language plpgsql as $$
declare
    target regclass;
begin
    for target in
        select c.oid::regclass
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        where n.nspname = 'public' and c.relkind in ('r', 'p')
    loop
        execute format('alter table %s enable row level security', target);
        execute format('alter table %s force row level security', target);
        if not exists (select 1 from pg_policy where polrelid = target and polname = 'tenant_isolation') then
            execute format('create policy tenant_isolation on %s using (%s) with check (%s)', target,
                gerbang_tenant_policy_expression('tenant_id'), gerbang_tenant_policy_expression('tenant_id'));
        end if;
    end loop;
end
$$;

-- FreeRADIUS reads its tables with no tenant in scope, as its own role: it may read every row of the
-- tables it authenticates from (they hold no more than it needs), and write only its own logs
-- (radacct, radpostauth, which have no tenant column). Called by 0010 when the role exists, or by an
-- operator after creating it.
create or replace function gerbang_grant_radius_role(role_name text) returns void
language plpgsql as $$
declare
    target text;
begin
    execute format('grant usage on schema public to %I', role_name);
    foreach target in array array['radcheck', 'radreply', 'radusergroup', 'radgroupcheck', 'radgroupreply'] loop
        execute format('grant select on %I to %I', target, role_name);
        execute format('drop policy if exists radius_read on %I', target);
        execute format('create policy radius_read on %I for select to %I using (true)', target, role_name);
    end loop;
    execute format('grant select on nas to %I', role_name);
    execute format('grant select, insert, update on radacct, radpostauth to %I', role_name);
    execute format('grant usage, select on radacct_radacctid_seq, radpostauth_id_seq to %I', role_name);
end
$$;

select gerbang_protect_tenant_tables();

-- The central account is what a tenant without its own falls back to: readable from every tenant scope.
create policy central_rows_readable on payment_gateways for select using (tenant_id is null);

-- The registry itself. Host lookups read it before any tenant is known, through the cross-tenant scope;
-- inside a tenant's scope only its own row is there, so no tenant-side bug can read or change
-- (deactivate, re-tier) another tenant's row.
alter table tenants enable row level security;
alter table tenants force row level security;
do $$
begin
    execute format('create policy tenant_isolation on tenants using (%s) with check (%s)',
        gerbang_tenant_policy_expression('id'), gerbang_tenant_policy_expression('id'));
end
$$;

do $$
begin
    if exists (select 1 from pg_roles where rolname = 'gerbang_radius') then
        perform gerbang_grant_radius_role('gerbang_radius');
    else
        raise notice 'role gerbang_radius does not exist: FreeRADIUS will see no rows until it is created and granted with select gerbang_grant_radius_role(''gerbang_radius'')';
    end if;
end
$$;
