-- Platform tables every service carries in its own database (shipped by sanyi-platform).
-- Platform migrations use versions 0.x so they never collide with a service's own V1, V2, ...

-- Transactional outbox: written with the state change, read by the relay in seq order.
create table outbox_message (
    id            uuid primary key,
    seq           bigint generated always as identity,
    topic         text        not null,
    message_key   text        not null,
    event_type    text        not null,
    data_schema   text        not null,
    subject       text        not null,
    occurred_at   timestamptz not null,
    payload       text        not null,
    published_at  timestamptz
);
create unique index outbox_message_seq on outbox_message (seq);
create index outbox_message_pending on outbox_message (seq) where published_at is null;

-- Inbox: ids of events a consumer has processed, written in the consumer's own transaction.
create table inbox_message (
    consumer      text        not null,
    event_id      text        not null,
    processed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Append-only, hash-chained audit of every read or write of patient-identifiable data.
-- Rows are inserted unsealed inside the business transaction; the sealer gives each committed row its place in the
-- chain (chain_seq) and its hash. The triggers below refuse deletes and any update other than sealing once.
create table audit_record (
    id                 bigint generated always as identity primary key,
    recorded_at        timestamptz not null,
    actor_subject      text,
    institution_code   text        not null,
    role               text        not null,
    action             text        not null,
    resource_type      text        not null,
    resource_id        text        not null,
    patient_pseudonym  text,
    purpose            text        not null,
    chain_seq          bigint unique,
    prev_hash          text,
    hash               text
);
create index audit_record_unsealed on audit_record (id) where chain_seq is null;
create index audit_record_resource on audit_record (resource_type, resource_id);

create function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or tg_op = 'TRUNCATE' then
        raise exception 'audit_record is append-only';
    end if;
    if old.chain_seq is not null
       or new.id <> old.id or new.recorded_at <> old.recorded_at
       or new.actor_subject is distinct from old.actor_subject
       or new.institution_code <> old.institution_code or new.role <> old.role or new.action <> old.action
       or new.resource_type <> old.resource_type or new.resource_id <> old.resource_id
       or new.patient_pseudonym is distinct from old.patient_pseudonym or new.purpose <> old.purpose then
        raise exception 'audit_record rows are sealed once and never changed';
    end if;
    return new;
end;
$$;

create trigger audit_record_no_update before update or delete on audit_record
    for each row execute function audit_record_append_only();
create trigger audit_record_no_truncate before truncate on audit_record
    for each statement execute function audit_record_append_only();
