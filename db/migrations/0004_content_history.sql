-- Every saved version of a tenant's content page, kept for good: `content_pages` holds the version
-- the site shows (its `version` is the number of the latest save), this table every save before it.
-- Reverting to the default deletes the `content_pages` row only, so the history outlives a revert
-- and numbering carries on from the highest version here.

create table content_page_versions (
    tenant_id  uuid not null references tenants (id),
    slug       text not null check (slug ~ '^[a-z0-9-]{1,40}$'),
    locale     text not null check (locale in ('id', 'en')),
    version    integer not null check (version > 0),
    title      text not null check (length(title) between 1 and 200),
    body       text not null check (length(body) <= 200000),
    saved_by   text not null,
    saved_at   timestamptz not null default now(),
    primary key (tenant_id, slug, locale, version)
);
