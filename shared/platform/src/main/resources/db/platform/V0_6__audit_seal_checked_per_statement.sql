-- The seal check moves from each row to each statement. A row-level trigger compared every sealed row with the chain
-- head as it stood when that row was updated, so a sealer's multi-row UPDATE ... FROM unnest(...) held only when
-- PostgreSQL happened to update the rows in chain order; a hash join in heap order broke it (the sealer then stopped
-- for good), and each row paid a query for the head. Now each row only checks what it may change, and one AFTER
-- STATEMENT trigger checks that the rows the statement sealed extend the chain: contiguous positions right after
-- a row sealed before, each prev_hash the hash of the row before it.

create or replace function audit_record_append_only() returns trigger language plpgsql as $$
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
    return new;
end;
$$;

create function audit_record_seal_extends_head() returns trigger language plpgsql as $$
declare
    first_seq   bigint;
    last_seq    bigint;
    sealed      bigint;
    first_prev  text;
    head_hash   text;
    unlinked    bigint;
begin
    select min(chain_seq), max(chain_seq), count(*) into first_seq, last_seq, sealed from sealed_rows;
    if sealed = 0 then
        return null;
    end if;
    -- Positions first_seq .. last_seq without a gap (chain_seq is unique), and nothing sealed beyond them. max() reads
    -- one index entry under any plan; "exists (... chain_seq > $1)" became a scan of the table once plpgsql switched
    -- to its generic plan.
    if last_seq - first_seq + 1 <> sealed
       or (select max(chain_seq) from audit_record) <> last_seq then
        raise exception 'an audit_record seal must extend the chain head (positions % to % are not the next ones)',
            first_seq, last_seq;
    end if;
    -- The first sealed row links to the row before it, which was sealed before this statement (or the chain starts
    -- here). Every index probe below names one chain position: the cost follows the rows sealed, not the table.
    select prev_hash into first_prev from sealed_rows where chain_seq = first_seq;
    if first_seq = 1 then
        head_hash := repeat('0', 64);
    else
        select a.hash into head_hash from audit_record a
            where a.chain_seq = first_seq - 1 and not exists (select 1 from sealed_rows s where s.id = a.id);
    end if;
    if head_hash is null or first_prev <> head_hash then
        raise exception 'an audit_record seal must extend the chain head (chain_seq % does not follow the head)',
            first_seq;
    end if;
    -- Each further sealed row links to the sealed row before it.
    select count(*) into unlinked
        from sealed_rows s join sealed_rows p on p.chain_seq = s.chain_seq - 1
        where s.prev_hash <> p.hash;
    if unlinked > 0 then
        raise exception 'an audit_record seal must extend the chain head (% prev_hash values do not link)', unlinked;
    end if;
    return null;
end;
$$;

create trigger audit_record_seal_check after update on audit_record
    referencing new table as sealed_rows
    for each statement execute function audit_record_seal_extends_head();
