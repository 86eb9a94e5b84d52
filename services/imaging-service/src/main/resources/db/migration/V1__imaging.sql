-- Imaging sharing (医学影像共享调阅): the regional index of studies (the pixels stay in the source PACS), the
-- treatment relationships, consents and reading-centre routes that decide who may look, and every look.

-- One row per study, keyed by its Study Instance UID; its series are nested (series jsonb) because they are always
-- read and written with the study. Patient identifier and name are stored for the QIDO-RS answer, never published.
create table study (
    id                   uuid        primary key,
    study_uid            text        not null unique,
    version              bigint      not null,
    status               text        not null check (status in ('REGISTERED', 'RETRACTED')),
    source_code          text        not null,
    accession_number     text,
    person_id            uuid        not null,
    patient_pseudonym    text        not null,
    patient_id_system    text        not null,
    patient_id_value     text        not null,
    patient_name         jsonb,
    patient_birth_date   date,
    patient_sex          text,
    study_date           date        not null,
    study_time           text,
    started_at           timestamptz not null,
    dicom_study_id       text,
    description          text,
    referring_physician  text,
    modalities           text[]      not null,
    body_part            text,
    series               jsonb       not null,
    series_count         integer     not null check (series_count >= 0),
    instance_count       integer     not null check (instance_count >= 0),
    referring_code       text,
    retrieve_base        text        not null,
    claim_refs           text[]      not null default '{}',
    storage_credit_code  text,
    nhsa_index_id        text,
    reading_centre_code  text,
    routed_at            timestamptz,
    report_status        text check (report_status in ('PRELIMINARY', 'FINAL', 'AMENDED')),
    report_findings      text,
    report_impression    text,
    reported_at          timestamptz,
    reported_by          text,
    content_hash         text        not null,
    registered_at        timestamptz not null,
    updated_at           timestamptz not null,
    retracted_at         timestamptz,
    retraction_reason    text
);
-- A patient's studies, newest first: the search every look starts with.
create index study_person on study (person_id, started_at desc, id);
-- Searches without a patient are answered from the caller's own studies only.
create index study_source on study (source_code, study_date);
create index study_claim on study using gin (claim_refs);
create index study_reading_centre on study (reading_centre_code) where reading_centre_code is not null;

-- Accepted (or arrived) referrals for a patient, from referral.events.v1: both parties treat the patient.
-- patient_key is the referral's patient pseudonym, which is the key of that identifier in person_identifier.
create table referral_relation (
    referral_id    uuid        primary key,
    patient_key    text        not null,
    sender_code    text        not null,
    receiver_code  text        not null,
    accepted_at    timestamptz not null,
    ended_at       timestamptz
);
create index referral_relation_patient on referral_relation (patient_key);

-- Consent the patient gave at an institution by presenting the e-health card (一码通): that institution may read the
-- patient's studies (all of them, or those listed) until it expires or is revoked.
create table consent (
    id           uuid        primary key,
    person_id    uuid        not null,
    grantee_code text        not null,
    study_uids   text[],
    granted_at   timestamptz not null,
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    recorded_by  text        not null,
    check (expires_at > granted_at)
);
create index consent_person on consent (person_id, grantee_code);

-- Every look (a search that disclosed studies, a retrieval ticket) with the relationship that allowed it: the
-- patient's disclosure log, the regulator's break-glass review list and the look-up statistics read this table.
create table study_access (
    id                  uuid        primary key,
    accessed_at         timestamptz not null,
    institution_code    text        not null,
    role                text        not null,
    subject             text        not null,
    action              text        not null check (action in ('SEARCH', 'RETRIEVE')),
    person_id           uuid,
    patient_pseudonym   text,
    basis               text        not null,
    basis_ref           text,
    source_codes        text[]      not null,
    study_ids           uuid[]      not null,
    purpose             text        not null,
    break_glass_reason  text,
    review_status       text check (review_status in ('PENDING', 'JUSTIFIED', 'UNJUSTIFIED')),
    reviewed_by         text,
    reviewed_at         timestamptz,
    review_note         text,
    check ((break_glass_reason is null) = (review_status is null))
);
create index study_access_person on study_access (person_id, accessed_at desc);
create index study_access_time on study_access (accessed_at);
create index study_access_review on study_access (review_status, accessed_at) where review_status is not null;

-- The high-water mark of each polled source PACS (前置机 pattern): studies are pulled from the PACS's own QIDO-RS.
create table source_poll (
    source_code    text        primary key,
    base_url       text        not null,
    last_seen_date date,
    last_polled_at timestamptz,
    last_error     text
);
