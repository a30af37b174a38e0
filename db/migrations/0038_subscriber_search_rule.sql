-- Whether a subscriber matches the admin's search: a name or PPPoE user name that contains it (in any
-- case; strpos, so there are no LIKE wildcards to escape), or a customer number or phone number equal to
-- it as typed or normalised. One definition for the subscriber list's counts and pages. A one-expression
-- SQL function is inlined by the planner, so the indexes on the columns still serve.
create function subscriber_matches_search(
    name text, customer_number text, pppoe_username text, phone text, search text, search_phone text
) returns boolean
language sql immutable parallel safe
as $$
    select search is null or strpos(lower(name), lower(search)) > 0 or customer_number = upper(search)
        or strpos(pppoe_username, lower(search)) > 0 or phone = search_phone
$$;
