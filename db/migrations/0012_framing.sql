-- A tenant may let its own sites frame its pages (an ISP's main site embedding the voucher store).
-- Empty: nobody may frame them (`frame-ancestors 'none'`). Otherwise https origins, one space between
-- each, validated by the admin form; the check keeps a header value from ever holding a control
-- character or a quote, whatever writes the row.
alter table tenant_branding
    add column frame_ancestors text not null default ''
    check (length(frame_ancestors) <= 1000 and frame_ancestors ~ '^[a-z0-9:/. -]*$');
