-- The subscriber list's two orderings (0035) carry the subscriber's id, so a page's ids are read from the
-- index alone (`SubscriberListQuery.matches` picks ids, then reads only those rows).
--
-- Without it, every id of a page was a heap read, and for a page deep in a large list the planner chose
-- a bitmap scan of all the tenant's subscribers and a sort instead (its estimate of how many rows remain
-- under row-level security is far too low). A large ISP's 20,000 subscribers, `status=active&page=50`:
-- 21.6 ms, 6.1 ms with the id in the index (EXPLAIN ANALYZE, as gerbang_app in the tenant's scope).
drop index subscribers_tenant_list;
create index subscribers_tenant_list on subscribers (tenant_id, name, customer_number) include (id);
drop index subscribers_tenant_status_list;
create index subscribers_tenant_status_list on subscribers (tenant_id, status, name, customer_number) include (id);
