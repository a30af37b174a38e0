-- A subscriber CSV uploaded for an import, kept between the dry run and the admin's confirmation so the
-- file is read once from the browser and the confirmed import is exactly the file that was reviewed.
-- The confirmation names it by a random token of which only the SHA-256 (hex) is stored; the row is
-- deleted by the import that uses it, so a double submit imports once. Rows expire after an hour and a
-- tenant keeps only its few newest (the upload that stages one removes the rest).
create table subscriber_import_files (
    tenant_id   uuid not null references tenants (id),
    token_hash  text not null check (token_hash ~ '^[0-9a-f]{64}$'),
    file_name   text not null check (length(file_name) <= 255),
    content     bytea not null check (length(content) <= 8388608),
    staged_by   text not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    primary key (tenant_id, token_hash)
);
create index subscriber_import_files_age on subscriber_import_files (tenant_id, created_at);

select gerbang_protect_tenant_tables();
