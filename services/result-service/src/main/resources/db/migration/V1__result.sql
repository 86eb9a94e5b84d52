-- Result recognition (检查检验结果互认): the catalogue of recognisable items, the regional recognition policies, the
-- quality status of issuing labs, published results, checks before ordering and the decisions taken on them.

-- The recognition catalogue (BR-E4): data, not code. Each change raises version and keeps the former row in history.
create table recognition_item (
    code             text primary key,
    name             text        not null,
    kind             text        not null check (kind in ('LAB', 'EXAM')),
    category         text        not null,
    loinc            text,
    modality         text,
    validity_days    integer     not null check (validity_days between 1 and 3650),
    reference_price  numeric(10, 2) not null check (reference_price >= 0),
    requires_eqa     boolean     not null,
    large_equipment  boolean     not null default false,
    -- Lab items: the analytes a result reports, each with the units it may be reported in.
    analytes         jsonb       not null default '[]',
    active           boolean     not null default true,
    version          bigint      not null default 1,
    -- The version last written to the outbox; at start every item ahead of it is published (the seed, for one).
    published_version bigint     not null default 0,
    updated_at       timestamptz not null default now(),
    updated_by       text        not null default 'seed'
);

create table recognition_item_history (
    code        text        not null,
    version     bigint      not null,
    item        jsonb       not null,
    changed_at  timestamptz not null,
    changed_by  text        not null,
    primary key (code, version)
);

-- Regional recognition policies, effective-dated and versioned like the referral policy: which scopes recognise a
-- result (CITY_WIDE, SAME_GROUP, SAME_LEVEL, HIGHER_TO_LOWER) and per-item validity windows that replace the
-- catalogue's. The most specific region with a version in force on the check date applies, else 000000.
create table recognition_policy (
    region_code     text    not null,
    version         integer not null,
    effective_from  date    not null,
    effective_to    date,
    title           text    not null,
    parameters      jsonb   not null,
    created_at      timestamptz not null default now(),
    created_by      text    not null default 'seed',
    primary key (region_code, version),
    check (effective_to is null or effective_to > effective_from)
);

-- Quality status (EXR-09): an EQA / 室间质评 outcome of an institution (or shared centre) for an item, with the period
-- it is valid for. A result is recognisable only when a pass covers its specimen date.
create table quality_status (
    id                bigint generated always as identity primary key,
    institution_code  text        not null,
    item_code         text        not null references recognition_item (code),
    passed            boolean     not null,
    scheme            text        not null,
    valid_from        date        not null,
    valid_to          date        not null,
    recorded_at       timestamptz not null,
    recorded_by       text        not null,
    check (valid_to >= valid_from)
);
create index quality_status_lookup on quality_status (institution_code, item_code, valid_from desc);

-- Published results. The patient identifier is stored for the issuer's own use and never published; person_id comes
-- from the identity links (one person, many identifiers), patient_pseudonym is that person's pseudonym.
create table result (
    id                   uuid primary key,
    issuer_code          text        not null,
    report_id            text        not null,
    version              bigint      not null,
    status               text        not null check (status in ('FINAL', 'AMENDED', 'WITHDRAWN')),
    item_code            text        not null references recognition_item (code),
    performer_code       text        not null,
    person_id            uuid        not null,
    patient_pseudonym    text        not null,
    patient_id_system    text        not null,
    patient_id_value     text        not null,
    specimen_at          timestamptz not null,
    reported_at          timestamptz not null,
    observations         jsonb,
    findings             text,
    conclusion           text,
    content_hash         text        not null,
    repeat_of            uuid,
    repeat_without_reason boolean    not null default false,
    published_at         timestamptz not null,
    updated_at           timestamptz not null,
    withdrawn_at         timestamptz,
    withdrawal_reason    text,
    unique (issuer_code, report_id)
);
-- The check's only query: a person's results of an item, newest first.
create index result_person_item on result (person_id, item_code, specimen_at desc);
create index result_published_at on result using brin (published_at);

-- A check before ordering (WS/T 790.18 reminder): what was asked and what was found, so a decision can only cite a
-- result the check offered, and reading a result's values is allowed through an open check only.
create table recognition_check (
    id                 uuid primary key,
    orderer_code       text        not null,
    person_id          uuid        not null,
    patient_pseudonym  text        not null,
    clinical_context   text        not null,
    item_codes         jsonb       not null,
    candidates         jsonb       not null,
    checked_at         timestamptz not null,
    checked_by         text        not null,
    open_until         timestamptz not null
);
create index recognition_check_person on recognition_check (person_id, orderer_code, open_until);

-- The clinician's decision per item of a check: recognised (citing a result) or declined with a coded reason.
create table recognition_decision (
    id                 uuid primary key,
    check_id           uuid        not null references recognition_check (id),
    item_code          text        not null,
    outcome            text        not null check (outcome in ('RECOGNISED', 'DECLINED')),
    result_id          uuid references result (id),
    issuer_code        text,
    decline_reason     text,
    note               text,
    orderer_code       text        not null,
    person_id          uuid        not null,
    patient_pseudonym  text        not null,
    avoided_fee        numeric(10, 2) not null default 0,
    decided_at         timestamptz not null,
    decided_by         text        not null,
    voided_at          timestamptz,
    unique (check_id, item_code),
    check ((outcome = 'RECOGNISED') = (result_id is not null and decline_reason is null) or outcome = 'DECLINED'),
    check (outcome = 'RECOGNISED' or decline_reason is not null)
);
create index recognition_decision_result on recognition_decision (result_id) where result_id is not null;
create index recognition_decision_person_item on recognition_decision (person_id, item_code, orderer_code);
create index recognition_decision_decided_at on recognition_decision (decided_at);

-- Results another institution may read because an accepted referral to it attached them (from referral events).
create table result_grant (
    result_id         uuid        not null,
    institution_code  text        not null,
    referral_id       uuid        not null,
    granted_at        timestamptz not null,
    primary key (result_id, institution_code, referral_id)
);
