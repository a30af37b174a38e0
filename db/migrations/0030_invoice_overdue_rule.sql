-- When an invoice is overdue, written once: unpaid, with a due date before today in the tenant's time
-- zone (`at`, now unless a job asks about another moment). Every query that lists, counts, isolates or
-- restores by it calls this function; a plain SQL function, so the planner inlines it.
create function invoice_is_overdue(status text, due_date date, time_zone text, at timestamptz default now())
returns boolean language sql stable as $$
    select status = 'unpaid' and due_date < (at at time zone time_zone)::date
$$;
