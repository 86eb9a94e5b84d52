-- Idempotency keys moved to the platform's idempotency_key table (V0_4), shared by every service.
insert into idempotency_key (institution_code, operation, idempotency_key, request_hash, resource_id, created_at)
select institution_code, 'create-referral', idempotency_key, request_hash, referral_id::text, created_at
from referral_idempotency_key
on conflict do nothing;
drop table referral_idempotency_key;
