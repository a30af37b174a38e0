-- Payments and branding: the tenant policy as a range of tenant ids (0041's form), for head office.
--
-- Head office reads every tenant's payments of a month at once (`/head-office/finance`), each joined to
-- its tenant's branding for the time zone. Under 0010's form (`tenant_id = <tenant> or <scope is
-- all>`) PostgreSQL estimated both tables at a fraction of a percent of their rows in the cross-tenant
-- scope, and joined them in a nested loop: with 78,000 payments in the month (make bench-scale's
-- history) 0.9 s of the query's 2.3 s. The range form is estimated from the scope itself (every id), so
-- the plan is a hash join on an index scan of `payments_tenant_time`: 0.35 s.
--
-- Writing a payment checks the range once for its one row, as it checked the `or` before.
do $$
declare
    expression text := gerbang_tenant_range_policy_expression('tenant_id');
begin
    execute format('alter policy tenant_isolation on payments using (%s) with check (%s)', expression, expression);
    execute format('alter policy tenant_isolation on tenant_branding using (%s) with check (%s)', expression, expression);
end
$$;
