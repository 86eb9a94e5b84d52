-- An entity of the probe, to drive GroupCommit's entity inserts.
create table probe_note (
    id       uuid primary key,
    version  bigint not null,
    author   text not null,
    body     text not null
);
