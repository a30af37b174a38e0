-- Sealing an account's plain settings (every server's start encrypts them under SECRETS_KEY) changes
-- how its keys are stored, not what they are: it must not forget the checkout pages the account opened.
-- It did, and since any instance's start seals any plain row, a buyer pressing Pay again could be sent
-- to the gateway a second time for an order whose page already existed; Midtrans refuses an order id it
-- has seen, so the buyer got the retry page. The sealing transaction says what it is doing with a
-- transaction-local setting, which no other writer sets.
create or replace function gerbang_forget_checkouts_of_changed_account() returns trigger
language plpgsql as $$
begin
    if current_setting('gerbang.sealing_secrets', true) = 'on' then
        return null;
    end if;
    update voucher_orders set checkout_url = null
    where gateway_id = new.id and status = 'pending' and checkout_url is not null;
    update invoices set checkout_url = null
    where gateway_id = new.id and status = 'unpaid' and checkout_url is not null;
    return null;
end
$$;
