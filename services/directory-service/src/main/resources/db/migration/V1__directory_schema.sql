-- Directory of institutions and medical groups (BR-F1, REF-20).
-- Each aggregate row carries its version (optimistic lock, and the version of its published snapshot); every
-- version ever published is kept in a history table, so "what did the directory say on day X" stays answerable.

create table institution (
    code           text        primary key,
    name           text        not null,
    type           text        not null,
    care_level     text        not null,
    ownership      text        not null,
    province_code  text        not null,
    city_code      text        not null,
    county_code    text        not null,
    township_code  text,
    active         boolean     not null,
    version        bigint      not null,
    updated_at     timestamptz not null,
    constraint institution_code_syntax check (code ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    constraint institution_region_nested check (
        province_code ~ '^[1-9][0-9]0000$'
        and city_code ~ '^[1-9][0-9]{3}00$' and left(city_code, 2) = left(province_code, 2)
        and county_code ~ '^[1-9][0-9]{5}$' and left(county_code, 4) = left(city_code, 4)
        and (township_code is null or (township_code ~ '^[1-9][0-9]{8}$'
                                       and left(township_code, 6) = county_code))),
    constraint institution_version_positive check (version >= 1)
);
create index institution_county on institution (county_code);
create index institution_type_level on institution (type, care_level);

-- Support relations the institution gives (包乡, 包村, 对口帮扶, 托管); effective from valid_from (inclusive) to
-- valid_to (exclusive, open when null). Part of the institution aggregate: a change bumps the institution's version.
create table institution_pairing (
    institution_code  text not null references institution (code),
    partner_code      text not null references institution (code),
    kind              text not null,
    valid_from        date not null,
    valid_to          date,
    constraint institution_pairing_not_self check (partner_code <> institution_code),
    constraint institution_pairing_period check (valid_to is null or valid_to > valid_from)
);
create index institution_pairing_owner on institution_pairing (institution_code);
create index institution_pairing_partner on institution_pairing (partner_code);

create table institution_history (
    code                    text        not null references institution (code),
    version                 bigint      not null,
    changed_at              timestamptz not null,
    changed_by_subject      text        not null,
    changed_by_institution  text,
    snapshot                jsonb       not null,
    primary key (code, version)
);

create table medical_group (
    id           text        primary key,
    name         text        not null,
    kind         text        not null,
    region_code  text        not null,
    version      bigint      not null,
    updated_at   timestamptz not null,
    constraint medical_group_id_syntax check (id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    constraint medical_group_region_syntax check (region_code ~ '^[1-9][0-9]{5}$'),
    constraint medical_group_version_positive check (version >= 1)
);

-- Membership of an institution in a group with its role (牵头 LEAD / 成员 MEMBER), effective-dated like pairings.
create table group_membership (
    group_id          text not null references medical_group (id),
    institution_code  text not null references institution (code),
    role              text not null,
    valid_from        date not null,
    valid_to          date,
    constraint group_membership_period check (valid_to is null or valid_to > valid_from)
);
create index group_membership_group on group_membership (group_id);
create index group_membership_institution on group_membership (institution_code);

create table medical_group_history (
    group_id                text        not null references medical_group (id),
    version                 bigint      not null,
    changed_at              timestamptz not null,
    changed_by_subject      text        not null,
    changed_by_institution  text,
    snapshot                jsonb       not null,
    primary key (group_id, version)
);

-- Aggregates changed by a SQL migration rather than through the API. At start-up the service turns each row into a
-- history row and an outbox event, through the same code as every API change, and deletes it in that transaction.
create table pending_snapshot (
    aggregate_type  text not null,
    aggregate_id    text not null,
    changed_by      text not null,
    primary key (aggregate_type, aggregate_id),
    constraint pending_snapshot_type check (aggregate_type in ('INSTITUTION', 'MEDICAL_GROUP'))
);
