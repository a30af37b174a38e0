-- Head office's list of tenants, a page at a time in name order, and its search, read from one index.
--
-- The list read, counted and sorted every tenant by name to show 100 of them: at 10,000 tenants 9 ms in
-- PostgreSQL for the first page, 25 ms for the fiftieth, 7-12 ms for a search, and a p99 of 50.5 ms with
-- four head-office admins at once. With this index the count is an index-only scan and a page the index's
-- next entries (2-3 ms, any page).
--
-- A search for a piece of the name, slug or a domain has no index order to follow; it still reads every
-- tenant, but from this index alone (2.7-4.3 ms). For that the lowercased name is a stored column: an
-- expression index serves no index-only scan in PostgreSQL, and `lower` per row was half of the
-- search's cost. (A trigram index would find the tenants directly, but under row-level security
-- PostgreSQL never uses one: `like` is not leakproof, so it runs only after the policy, not in the index.)
--
-- The index carries the id so that `tenants`' policy is an index condition: 0041's range form, computed
-- once when the scan starts. 0010's `or` form is a filter on every row, and the planner, taking it to
-- pass half a percent of the rows, sorted every tenant rather than read the index.
alter table tenants add column name_key text not null generated always as (lower(name)) stored;

create index tenants_listed_by_name on tenants (name_key, slug, id) where deleted_at is null;

-- The deleted tenants, newest first, below the list.
create index tenants_deleted on tenants (deleted_at desc, slug) where deleted_at is not null;

do $$
declare
    expression text := gerbang_tenant_range_policy_expression('id');
begin
    execute format('alter policy tenant_isolation on tenants using (%s) with check (%s)', expression, expression);
end
$$;
