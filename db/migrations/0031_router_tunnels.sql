-- WireGuard tunnels for routers behind carrier NAT, which can neither reach a cloud RADIUS server on
-- their own address nor be reached on it for Disconnect/CoA.
--
-- A router with a tunnel is known to FreeRADIUS by its tunnel address: `nas.nasname` holds that address
-- while the tunnel exists (the queries, the dynamic clients and the accounting triggers all match
-- `nasname`), and the address the admin typed is kept here in `own_address`, to come back when the tunnel
-- is removed. Two tunnelled routers behind one carrier NAT may share an own address; only the address
-- FreeRADIUS sees must be unique.
--
-- The router's private key is never stored: it is shown to the admin once, to paste, and a lost key
-- means removing the tunnel and giving a new one. Only the public key is needed afterwards (the
-- server's peer list).
create table router_tunnels (
    nas_id      integer primary key references nas (id) on delete cascade,
    tenant_id   uuid not null references tenants (id),
    address     inet not null check (family(address) = 4 and masklen(address) = 32),
    public_key  text not null check (public_key ~ '^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$'),
    own_address text not null,
    created_at  timestamptz not null default now()
);
-- Platform-wide: every tenant's tunnels share one pool.
create unique index router_tunnels_address on router_tunnels (address);
create unique index router_tunnels_public_key on router_tunnels (public_key);

-- The lowest free host address of the pool, after the network address and the server's own (the first
-- host), that no router has as its address either, or null when the pool is used up. The pool is platform-wide while the caller works in one
-- tenant's scope, so the search looks at every tenant's tunnels (it returns an address, nothing of
-- theirs). The advisory lock, held until the caller's transaction ends, makes two admins giving tunnels
-- at once take turns, so they cannot pick the same address.
create or replace function gerbang_free_tunnel_address(pool cidr) returns inet
language plpgsql
as $$
declare
    hosts bigint := (2::bigint ^ (32 - masklen(pool)))::bigint - 1;
    scope text := coalesce(current_setting('app.scope', true), '');
    found inet;
begin
    perform pg_advisory_xact_lock(hashtext('gerbang_router_tunnels'));
    -- Every tenant's tunnels for this one search, then the caller's scope again.
    perform set_config('app.scope', 'all', true);
    select set_masklen(host(pool)::inet + offset_in_pool, 32) into found
    from generate_series(2::bigint, hosts - 1) as offset_in_pool
    where not exists (
        select 1 from router_tunnels t where t.address = set_masklen(host(pool)::inet + offset_in_pool, 32))
    -- nor a router's own address typed inside the pool
    and not exists (select 1 from nas n where n.nasname = host(host(pool)::inet + offset_in_pool))
    order by offset_in_pool
    limit 1;
    perform set_config('app.scope', scope, true);
    return found;
end
$$;

select gerbang_protect_tenant_tables();
