-- Whether a store has a WhatsApp sender changes what its pages promise ("we send the codes to this
-- number") and what its admin is warned of; tenant sites are cached per instance, so a change of a
-- tenant's own sender tells every instance, like a change of its branding.
create trigger tenant_whatsapp_senders_changed after insert or update or delete on tenant_whatsapp_senders
    for each row execute function gerbang_notify_tenant_changed();
