-- Each EVBENCH order's signed sandbox delivery, one line each: signature TAB body; the signature is the
-- hex HMAC-SHA256 of the raw body with the account's secret (the rule in SandboxGateway.verify).
-- psql variable: key (SECRETS_KEY, which seals the account's settings).
select encode(hmac(body, coalesce(a.settings, pgp_sym_decrypt(a.settings_sealed, :'key')::jsonb) ->> 'secret', 'sha256'), 'hex') || E'\t' || body
from (select o.gateway_id, format('{"amount":%s,"currency":"IDR","gateway_reference":"%s","reference":"%s","status":"paid"}',
             o.amount, o.gateway_reference, o.order_number) as body, o.order_number
      from voucher_orders o where o.order_number like 'EVBENCH%') d
join payment_gateways a on a.id = d.gateway_id
order by d.order_number;
