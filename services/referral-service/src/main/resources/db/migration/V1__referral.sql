-- Referrals (FHIR ServiceRequest + Task), their idempotency keys and the regional referral policies.

create table referral (
    id                          uuid primary key,
    version                     bigint      not null,
    status                      text        not null,
    direction                   text        not null,
    urgency                     text        not null,

    sender_code                 text        not null,
    sender_level                text        not null,
    sender_county               text,
    receiver_code               text        not null,
    receiver_level              text        not null,
    receiver_county             text,

    patient_id_system           text        not null,
    patient_id_value            text        not null,
    patient_pseudonym           text        not null,
    patient_name                text        not null,
    patient_contact             text,

    diagnosis_code              text        not null,
    diagnosis_category          text        not null,
    diagnosis_display           text,
    reason                      text        not null,
    requested_department        text        not null,
    attachments                 jsonb       not null,
    clinician_system            text        not null,
    clinician_value             text        not null,
    family_doctor_involvement   text,
    family_doctor_system        text,
    family_doctor_value         text,
    down_referral_indication    text,
    down_referral_note          text,
    discharge_medications       jsonb       not null,

    green_channel               boolean     not null,
    same_group_episode          boolean     not null,
    second_deductible_waived    boolean     not null,
    proper_referral             boolean     not null,
    reimbursement_uplift_points integer     not null,
    bypassed_grassroots         boolean     not null,
    out_of_county               boolean     not null,
    out_of_city                 boolean     not null,
    family_doctor_involved      boolean     not null,
    elderly_care_transfer       boolean     not null,
    common_group_ids            jsonb       not null,
    policy_region               text        not null,
    policy_version              integer     not null,

    requested_at                timestamptz not null,
    requested_by                text        not null,
    answer_due_at               timestamptz not null,
    reviewed_at                 timestamptz,
    reviewed_by                 text,
    reviewer_system             text,
    reviewer_value              text,
    review_note                 text,
    retrospective_review        boolean,
    accepted_at                 timestamptz,
    appointment_at              timestamptz,
    acceptance_note             text,
    rejected_at                 timestamptz,
    rejection_reason            text,
    rejection_note              text,
    arrived_at                  timestamptz,
    admitted_as_inpatient       boolean,
    joint_ward                  boolean,
    completed_at                timestamptz,
    outcome                     text,
    completion_summary          text,
    cancelled_at                timestamptz,
    cancellation_reason         text,
    cancellation_note           text,
    expired_at                  timestamptz,

    constraint referral_status_known check (status in
        ('REQUESTED', 'REVIEWED', 'ACCEPTED', 'REJECTED', 'ARRIVED', 'COMPLETED', 'CANCELLED', 'EXPIRED')),
    constraint referral_direction_known check (direction in ('UPWARD', 'DOWNWARD', 'LATERAL')),
    constraint referral_not_to_self check (sender_code <> receiver_code)
);

-- Work lists: "sent by me" and "received by me", newest first (GET /v1/referrals?role=...).
create index referral_by_sender on referral (sender_code, requested_at desc, id desc);
create index referral_by_receiver on referral (receiver_code, requested_at desc, id desc);
-- The expiry sweep looks only at referrals still waiting for an answer.
create index referral_awaiting_answer on referral (answer_due_at) where status in ('REQUESTED', 'REVIEWED');
-- Statistics filter on the request date.
create index referral_requested_at on referral (requested_at);

-- Idempotency-Key of POST /v1/referrals, per calling institution, written in the creating transaction.
create table referral_idempotency_key (
    institution_code  text        not null,
    idempotency_key   text        not null,
    request_hash      text        not null,
    referral_id       uuid        not null references referral (id) deferrable initially deferred,
    created_at        timestamptz not null,
    primary key (institution_code, idempotency_key)
);
create index referral_idempotency_key_created on referral_idempotency_key (created_at);

-- Versioned, effective-dated referral policy per region (GB/T 2260 code; 000000 = exchange-wide fallback).
-- Change a policy by adding a row with a higher version and a later effective_from, never by editing one in force:
-- every referral records the (region, version) that computed its flags.
create table referral_policy (
    region_code     text    not null,
    version         integer not null,
    effective_from  date    not null,
    effective_to    date,
    title           text    not null,
    parameters      jsonb   not null,
    primary key (region_code, version),
    constraint referral_policy_dates check (effective_to is null or effective_to > effective_from)
);
