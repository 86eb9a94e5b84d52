-- Outbox: bounded retries per row. A row the broker keeps refusing is parked (kept with its last error, never sent
-- again by itself); later rows of its key wait behind it so per-key order holds, and other keys go on.
alter table outbox_message add column attempts integer not null default 0;
alter table outbox_message add column last_error text;
alter table outbox_message add column parked_at timestamptz;
create index outbox_message_parked on outbox_message (topic, message_key)
    where parked_at is not null and published_at is null;

-- Inbox: CloudEvents identify an event by source and id together; processed_at is indexed for the purge.
alter table inbox_message add column event_source text not null default '';
alter table inbox_message drop constraint inbox_message_pkey;
alter table inbox_message add primary key (consumer, event_source, event_id);
create index inbox_message_processed_at on inbox_message (processed_at);
