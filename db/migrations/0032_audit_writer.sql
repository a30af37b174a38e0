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
