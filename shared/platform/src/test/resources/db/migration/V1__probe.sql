-- The probe's own state: one row per change, and what its consumer received.
create table probe_change (
    id          bigint generated always as identity primary key,
    aggregate   text not null,
    revision    bigint not null
);
create table probe_received (
    id          bigint generated always as identity primary key,
    event_id    text not null,
    aggregate   text not null,
    revision    bigint not null
);
