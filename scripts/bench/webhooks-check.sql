-- After the webhooks: every delivered order paid once, with exactly its vouchers and one payment.
with o as (select o.*, (select count(*) from vouchers v where v.tenant_id = o.tenant_id and v.order_id = o.id) as codes,
                  (select count(*) from payments m where m.tenant_id = o.tenant_id and m.subject = 'order' and m.subject_id = o.id) as pays
           from voucher_orders o where o.order_number like 'EVBENCH%')
select format('prepared %s, paid %s, pending %s, paid with wrong voucher count %s, paid without exactly one payment %s, unpaid with vouchers or payments %s',
    count(*), count(*) filter (where status = 'paid'), count(*) filter (where status = 'pending'),
    count(*) filter (where status = 'paid' and codes <> quantity), count(*) filter (where status = 'paid' and pays <> 1),
    count(*) filter (where status <> 'paid' and (codes > 0 or pays > 0)))
from o;
