-- A voucher code must not already be a RADIUS user name in any tenant (the issuers' `not exists
-- (select 1 from radcheck where username = …)`). Since user names became unique per tenant, the only
-- index on `radcheck` user names starts with `tenant_id`, so that check read the whole table once per
-- issue: 9 ms per paid order with 60,000 rows (pg_stat_statements, `make bench`'s webhook run), and
-- growing with every code sold. This index answers it from the user name alone.
create index radcheck_username_any_tenant on radcheck (username);
