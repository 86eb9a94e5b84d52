-- Idempotency keys of creating requests (header Idempotency-Key), per calling institution and operation, kept for
-- sanyi.idempotency.retention. The request hash tells a retry (same body) from a reuse of the key (another body).
create table idempotency_key (
    institution_code  text        not null,
    operation         text        not null,
    idempotency_key   text        not null,
    request_hash      text        not null,
    resource_id       text        not null,
    created_at        timestamptz not null,
    primary key (institution_code, operation, idempotency_key)
);
create index idempotency_key_created on idempotency_key (created_at);
