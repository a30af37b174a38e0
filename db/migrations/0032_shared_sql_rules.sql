-- Rules that many statements share, each written once here: the audit log's one writer and what it
-- records of a row, how a secret token is kept, and an invoice as every reader sees it.

-- The one writer of the audit trail. Every audited change calls `audit(…)` in the statement that makes
-- the change, over the rows it changed (`select …, audit(…) from changed`), so a change and its entry
-- are written together and a statement that changed nothing writes none. Which columns hold what (the
-- actor's client address is the `ip` column) is said here once.
--
-- SECURITY INVOKER (the default, spelled out): the insert runs as the caller, under the caller's
-- row-level security scope, so a tenant's statement can write only its own tenant's entries and never
-- head office's (null tenant) or another tenant's.
create function audit(
    tenant_id uuid, actor text, client_address text, action text, target text,
    before jsonb default null, after jsonb default null
) returns void
language sql volatile security invoker as $$
    insert into audit_log (tenant_id, actor, action, target, before, after, ip)
    values (tenant_id, actor, action, target, before, after, client_address)
$$;

-- What an entry records of a changed row, one definition a table, used for its before and its after
-- alike: the row as JSON, less what every save changes (`updated_at`) and what must never be written
-- down (a password's hash, a logo's bytes: its SHA-256 says which logo it was); for the tables whose
-- entries name fewer columns, those columns. A router's secret is the caller's to add, masked.
create function audit_document(s subscribers) returns jsonb language sql stable as $$
    select to_jsonb(s) - 'password_hash' - 'updated_at'
$$;

create function audit_document(p plans) returns jsonb language sql stable as $$
    select to_jsonb(p) - 'updated_at'
$$;

create function audit_document(p voucher_profiles) returns jsonb language sql stable as $$
    select to_jsonb(p) - 'updated_at'
$$;

create function audit_document(p content_pages) returns jsonb language sql stable as $$
    select to_jsonb(p) - 'updated_at'
$$;

create function audit_document(b tenant_branding) returns jsonb language sql stable as $$
    select to_jsonb(b) - 'logo' - 'updated_at'
$$;

create function audit_document(e expenses) returns jsonb language sql stable as $$
    select jsonb_build_object('date', e.spent_on, 'category', e.category, 'amount', e.amount, 'note', e.note)
$$;

create function audit_document(r resellers) returns jsonb language sql stable as $$
    select jsonb_build_object('name', r.name, 'whatsapp', r.whatsapp, 'terms', r.terms,
        'commission_percent', r.commission_percent, 'card_price', r.card_price, 'active', r.is_active)
$$;

create function audit_document(n nas) returns jsonb language sql stable as $$
    select jsonb_build_object('name', n.shortname, 'identifier', n.identifier, 'address', n.nasname, 'kind', n.kind,
        'coa_port', n.coa_port)
$$;

-- A secret token (a session's, a pay link's, an order's access, a staged import's) is kept only as the hex
-- SHA-256 of its UTF-8 bytes: stored and looked up through this one function, so the two cannot differ.
create function token_hash(token text) returns text language sql stable as $$
    select encode(sha256(convert_to(token, 'UTF8')), 'hex')
$$;

-- An invoice as every list and page reads it: with whether it is overdue, in its tenant's time zone.
-- A statement that locks the invoice reads the tables itself (`for update` on a view would lock the
-- branding row as well). Like any view, its `i.*` is the columns as they are now: a migration that
-- adds a column to invoices recreates it.
create view invoices_with_overdue with (security_invoker = true) as
select i.*, invoice_is_overdue(i.status, i.due_date, b.time_zone) as is_overdue
from invoices i join tenant_branding b on b.tenant_id = i.tenant_id;

-- A session still open (no Stop yet) as the admin's list and the disconnects read it: its router by name
-- (none for a router since deleted), when it last reported, its address, its traffic so far.
create view open_radius_sessions with (security_invoker = true) as
select a.tenant_id, a.radacctid, a.username, a.acctsessionid, a.nas_id, n.shortname as router_name, a.acctstarttime,
    coalesce(a.acctupdatetime, a.acctstarttime) as last_update, host(a.framedipaddress) as address,
    a.acctinputoctets, a.acctoutputoctets
from radacct a left join nas n on n.id = a.nas_id and n.tenant_id = a.tenant_id
where a.acctstoptime is null;
