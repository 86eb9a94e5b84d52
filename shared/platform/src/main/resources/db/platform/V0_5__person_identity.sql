-- One person, many identifiers (BR-F2, 一码就医): identifiers given together for one person are linked to one
-- person row, whose pseudonym events carry. No identifier number is stored here: an identifier is keyed by its
-- keyed pseudonym (HMAC of the normalised identifier), so this table alone identifies nobody.
create table person (
    id          uuid        primary key,
    pseudonym   text        not null unique,
    created_at  timestamptz not null,
    created_by  text        not null
);

create table person_identifier (
    identifier_key     text        primary key,
    identifier_system  text        not null,
    person_id          uuid        not null references person (id),
    linked_at          timestamptz not null,
    linked_by          text        not null
);
create index person_identifier_person on person_identifier (person_id);

-- Links that were refused because they would join two persons, or give one person two values of a single-valued
-- identifier system; kept for the operator to resolve (no automatic merge: pseudonyms already published would split).
create table person_link_conflict (
    id               bigint generated always as identity primary key,
    detected_at      timestamptz not null,
    reported_by      text        not null,
    identifier_keys  text[]      not null,
    person_ids       uuid[]      not null,
    reason           text        not null,
    resolved_at      timestamptz
);
create index person_link_conflict_open on person_link_conflict (detected_at) where resolved_at is null;
