package org.sanyi.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of every event type the exchange can publish. Each entry names its CloudEvents {@code type}, its
 * topic and its JSON Schema file under {@code schemas/} on the classpath; the schema's {@code $id} is the
 * {@code dataschema} attribute of every event of that type. Schema files are versioned by major and never removed.
 */
public enum EventType {
    INSTITUTION_UPSERTED(
            "org.sanyi.directory.institution.upserted.v1",
            Topic.DIRECTORY_INSTITUTIONS,
            "directory/institution-upserted.v1.json"),
    MEDICAL_GROUP_UPSERTED(
            "org.sanyi.directory.group.upserted.v1", Topic.DIRECTORY_GROUPS, "directory/group-upserted.v1.json"),
    /** A sending institution asked a receiver to take a patient over (data: referral.ReferralEvent). */
    REFERRAL_REQUESTED("org.sanyi.referral.requested.v1", Topic.REFERRAL_EVENTS, "referral/requested.v1.json"),
    /** The sender's referral reviewer approved the referral (转诊审核); afterwards for green-channel referrals. */
    REFERRAL_REVIEWED("org.sanyi.referral.reviewed.v1", Topic.REFERRAL_EVENTS, "referral/reviewed.v1.json"),
    REFERRAL_ACCEPTED("org.sanyi.referral.accepted.v1", Topic.REFERRAL_EVENTS, "referral/accepted.v1.json"),
    REFERRAL_REJECTED("org.sanyi.referral.rejected.v1", Topic.REFERRAL_EVENTS, "referral/rejected.v1.json"),
    /** The patient arrived at (or was admitted by) the receiver. */
    REFERRAL_ARRIVED("org.sanyi.referral.arrived.v1", Topic.REFERRAL_EVENTS, "referral/arrived.v1.json"),
    /** The receiver returned its summary to the sender: the loop is closed. */
    REFERRAL_COMPLETED("org.sanyi.referral.completed.v1", Topic.REFERRAL_EVENTS, "referral/completed.v1.json"),
    REFERRAL_CANCELLED("org.sanyi.referral.cancelled.v1", Topic.REFERRAL_EVENTS, "referral/cancelled.v1.json"),
    /** Nobody answered within the region's response time. */
    REFERRAL_EXPIRED("org.sanyi.referral.expired.v1", Topic.REFERRAL_EVENTS, "referral/expired.v1.json"),
    /** An item of the recognition catalogue was added or changed (data: result.CatalogueItemEvent). */
    RECOGNITION_ITEM_CHANGED(
            "org.sanyi.result.catalogue-item.changed.v1",
            Topic.RESULT_CATALOGUE,
            "result/catalogue-item-changed.v1.json"),
    /** A hospital or shared centre published an exam or lab result (data: result.ResultEvent). */
    RESULT_PUBLISHED("org.sanyi.result.published.v1", Topic.RESULT_EVENTS, "result/published.v1.json"),
    RESULT_AMENDED("org.sanyi.result.amended.v1", Topic.RESULT_EVENTS, "result/amended.v1.json"),
    /** The issuer withdrew a result; the recognitions citing it are void and listed. */
    RESULT_WITHDRAWN("org.sanyi.result.withdrawn.v1", Topic.RESULT_EVENTS, "result/withdrawn.v1.json"),
    /** A check before ordering (WS/T 790.18 duplicate-exam reminder) (data: result.CheckEvent). */
    RESULT_CHECK_MADE("org.sanyi.result.check-made.v1", Topic.RESULT_EVENTS, "result/check-made.v1.json"),
    /** The orderer recognised (引用) a result instead of repeating it (data: result.DecisionEvent). */
    RESULT_RECOGNISED("org.sanyi.result.recognised.v1", Topic.RESULT_EVENTS, "result/recognised.v1.json"),
    /** The orderer repeats the exam or test, with a coded reason. */
    RESULT_DECLINED("org.sanyi.result.declined.v1", Topic.RESULT_EVENTS, "result/declined.v1.json"),
    /** A PACS registered a study in the regional index (data: imaging.StudyEvent). */
    STUDY_REGISTERED("org.sanyi.imaging.study.registered.v1", Topic.IMAGING_EVENTS, "imaging/study-registered.v1.json"),
    /** A later registration changed the study's metadata, series or counts. */
    STUDY_AMENDED("org.sanyi.imaging.study.amended.v1", Topic.IMAGING_EVENTS, "imaging/study-amended.v1.json"),
    /** A report was added to the study or changed (preliminary, final, amended). */
    STUDY_REPORTED("org.sanyi.imaging.study.reported.v1", Topic.IMAGING_EVENTS, "imaging/study-reported.v1.json"),
    /** The source routed the study to its 医共体's imaging centre for reading (BR-I4). */
    STUDY_READING_REQUESTED(
            "org.sanyi.imaging.study.reading-requested.v1",
            Topic.IMAGING_EVENTS,
            "imaging/study-reading-requested.v1.json"),
    /** The source retracted the study (entered in error); it no longer appears in searches. */
    STUDY_RETRACTED("org.sanyi.imaging.study.retracted.v1", Topic.IMAGING_EVENTS, "imaging/study-retracted.v1.json"),
    /** An institution looked at a patient's studies (data: imaging.StudyAccessEvent). */
    STUDY_ACCESSED("org.sanyi.imaging.study.accessed.v1", Topic.IMAGING_ACCESS, "imaging/study-accessed.v1.json"),
    /** The regulator reviewed a break-glass access (data: imaging.BreakGlassReviewEvent). */
    BREAK_GLASS_REVIEWED(
            "org.sanyi.imaging.break-glass.reviewed.v1", Topic.IMAGING_ACCESS, "imaging/break-glass-reviewed.v1.json");

    /** Prefix of every {@code $id} and therefore of every {@code ce_dataschema}. */
    public static final String SCHEMA_ID_PREFIX = "urn:sanyi:event-schema:";

    private final String ceType;
    private final Topic topic;
    private final String schemaFile;
    private final URI dataSchema;

    EventType(String ceType, Topic topic, String schemaFile) {
        this.ceType = ceType;
        this.topic = topic;
        this.schemaFile = schemaFile;
        this.dataSchema = URI.create(SCHEMA_ID_PREFIX + schemaFile.replace(".json", ""));
    }

    /** The CloudEvents {@code type}, {@code org.sanyi.<domain>.<event>.v<major>}. */
    public String ceType() {
        return ceType;
    }

    public Topic topic() {
        return topic;
    }

    /** Path of the JSON Schema relative to {@code schemas/}. */
    public String schemaFile() {
        return schemaFile;
    }

    /** Classpath resource of the JSON Schema. */
    public String schemaResource() {
        return "schemas/" + schemaFile;
    }

    /** The CloudEvents {@code dataschema}: equal to the schema file's {@code $id}. */
    public URI dataSchema() {
        return dataSchema;
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }
}
