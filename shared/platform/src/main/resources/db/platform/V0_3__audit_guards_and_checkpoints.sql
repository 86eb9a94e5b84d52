-- Audit hardening: the hash format of each sealed row, an INSERT guard, a seal that can only extend the chain head,
-- and the checkpoints from which verification continues.

-- Rows sealed so far were hashed in format 1 (fields joined by U+001F). Adding the column with a constant default
-- gives existing rows that value without an UPDATE (so the append-only trigger is not involved); dropping the default
-- leaves new rows NULL until the sealer sets the format it hashed them in.
alter table audit_record add column hash_format smallint default 1;
alter table audit_record alter column hash_format drop default;

-- A row enters unsealed. Only the sealer gives it a chain position, and only the next one: no INSERT may bring its own
-- chain_seq, prev_hash, hash or format (a forged pre-sealed row, or chain_seq = 10^12 to break the chain for good).
create function audit_record_insert_unsealed() returns trigger language plpgsql as $$
begin
    if new.chain_seq is not null or new.prev_hash is not null or new.hash is not null
       or new.hash_format is not null then
        raise exception 'audit_record rows are inserted unsealed; only the sealer gives them a chain position';
    end if;
    return new;
end;
$$;

create trigger audit_record_insert_guard before insert on audit_record
    for each row execute function audit_record_insert_unsealed();

-- Deletes, truncates and changes of sealed rows stay refused. Sealing must now append exactly at the head: the next
-- chain_seq, the head's hash as prev_hash, and a hash format.
create or replace function audit_record_append_only() returns trigger language plpgsql as $$
declare
    head_seq  bigint;
    head_hash text;
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
    if new.chain_seq is null or new.prev_hash is null or new.hash is null or new.hash_format is null then
        raise exception 'an audit_record seal sets chain_seq, prev_hash, hash and hash_format together';
    end if;
    select chain_seq, hash into head_seq, head_hash
        from audit_record where chain_seq is not null order by chain_seq desc limit 1;
    if new.chain_seq <> coalesce(head_seq, 0) + 1
       or new.prev_hash <> coalesce(head_hash, repeat('0', 64)) then
        raise exception 'an audit_record seal must extend the chain head (expected chain_seq %)',
            coalesce(head_seq, 0) + 1;
    end if;
    return new;
end;
$$;

-- Where verification got to: each row says the chain was intact up to chain_seq, whose hash was this. Verification
-- continues from the newest one instead of walking the whole table, and a chain that later ends before a checkpoint
-- (its newest rows removed) or whose checkpointed row changed is reported as broken.
create table audit_verification (
    chain_seq    bigint      primary key,
    hash         text        not null,
    verified_at  timestamptz not null default now()
);

create function audit_verification_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_verification is append-only';
end;
$$;

create trigger audit_verification_no_change before update or delete on audit_verification
    for each row execute function audit_verification_append_only();
create trigger audit_verification_no_truncate before truncate on audit_verification
    for each statement execute function audit_verification_append_only();
