package org.sanyi.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sanyi.events.EventSchemas;
import org.sanyi.events.EventType;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.Membership;
import org.sanyi.events.directory.MembershipRole;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.Pairing;
import org.sanyi.events.directory.PairingKind;
import org.sanyi.events.directory.Region;

/** The directory's event schemas accept every snapshot the records can express, and nothing looser. */
class SnapshotSchemaTest {

    /** Serialises as Quarkus' mapper does: ISO dates, nulls kept. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final InstitutionSnapshot TOWNSHIP_CENTRE = new InstitutionSnapshot(
            "NDXP-THC01",
            "霞浦县长春镇中心卫生院",
            InstitutionType.TOWNSHIP_HEALTH_CENTER,
            CareLevel.GRASSROOTS,
            Ownership.GOVERNMENT,
            new Region("350000", "350900", "350921", "350921101"),
            true,
            List.of(new Pairing("NDXP-VC01", PairingKind.VILLAGE_PAIRING, LocalDate.of(2023, 1, 1), null)),
            3,
            Instant.parse("2024-05-01T08:30:15.123456Z"));

    private static final MedicalGroupSnapshot GROUP = new MedicalGroupSnapshot(
            "GRP-XP-YGT",
            "霞浦县总医院（县域医共体）",
            GroupKind.COUNTY_MEDICAL_COMMUNITY,
            "350921",
            List.of(
                    new Membership("NDXP-H01", MembershipRole.LEAD, LocalDate.of(2021, 1, 1), null),
                    new Membership(
                            "NDXP-THC01", MembershipRole.MEMBER, LocalDate.of(2021, 1, 1), LocalDate.of(2026, 1, 1))),
            2,
            Instant.parse("2024-05-01T08:30:15Z"));

    @Test
    void snapshotsAsSerialisedConform() {
        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, JSON.valueToTree(TOWNSHIP_CENTRE)))
                .isEmpty();
        assertThat(EventSchemas.violations(EventType.MEDICAL_GROUP_UPSERTED, JSON.valueToTree(GROUP)))
                .isEmpty();
    }

    @Test
    void everyEnumValueOfTheRecordsIsInTheSchemas() {
        for (InstitutionType type : InstitutionType.values()) {
            ObjectNode data = institution();
            data.put("type", type.name());
            data.put("level", "NOT_APPLICABLE");
            assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, data))
                    .as(type.name())
                    .isEmpty();
        }
        for (CareLevel level : CareLevel.values()) {
            assertThat(violationsWith("level", level.name())).as(level.name()).isEmpty();
        }
        for (Ownership ownership : Ownership.values()) {
            assertThat(violationsWith("ownership", ownership.name())).isEmpty();
        }
        for (GroupKind kind : GroupKind.values()) {
            ObjectNode data = JSON.valueToTree(GROUP);
            data.put("kind", kind.name());
            assertThat(EventSchemas.violations(EventType.MEDICAL_GROUP_UPSERTED, data))
                    .isEmpty();
        }
    }

    @Test
    void anUnknownPropertyIsRejectedAtEveryLevel() {
        ObjectNode top = institution();
        top.put("patientName", "张三");
        ObjectNode inRegion = institution();
        ((ObjectNode) inRegion.get("region")).put("village", "大京村");
        ObjectNode inPairing = institution();
        ((ObjectNode) inPairing.get("pairings").get(0)).put("note", "x");

        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, top)).isNotEmpty();
        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, inRegion))
                .isNotEmpty();
        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, inPairing))
                .isNotEmpty();
    }

    @Test
    void valuesOutsideTheirDomainAreRejected() {
        assertThat(violationsWith("type", "CLINIC")).isNotEmpty();
        assertThat(violationsWith("code", "ndxp-thc01")).isNotEmpty();
        assertThat(violationsWith("updatedAt", "2024-05-01 08:30:15")).isNotEmpty();
        assertThat(violationsWith("version", 0)).isNotEmpty();
        ObjectNode badCounty = institution();
        ((ObjectNode) badCounty.get("region")).put("countyCode", "3509");
        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, badCounty))
                .isNotEmpty();
        ObjectNode badDate = institution();
        ((ObjectNode) badDate.get("pairings").get(0)).put("validFrom", "2023-02-30x");
        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, badDate))
                .isNotEmpty();
        ObjectNode missingName = institution();
        missingName.remove("name");
        assertThat(EventSchemas.violations(EventType.INSTITUTION_UPSERTED, missingName))
                .isNotEmpty();
        ObjectNode badRole = JSON.valueToTree(GROUP);
        ((ObjectNode) badRole.get("memberships").get(0)).put("role", "CORE");
        assertThat(EventSchemas.violations(EventType.MEDICAL_GROUP_UPSERTED, badRole))
                .isNotEmpty();
    }

    private static ObjectNode institution() {
        return JSON.valueToTree(TOWNSHIP_CENTRE);
    }

    private static List<String> violationsWith(String field, Object value) {
        ObjectNode data = institution();
        data.set(field, JSON.valueToTree(value));
        return EventSchemas.violations(EventType.INSTITUTION_UPSERTED, data);
    }
}
