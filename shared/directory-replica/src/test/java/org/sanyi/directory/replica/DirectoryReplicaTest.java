package org.sanyi.directory.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
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

/** The replica answers "at event time" questions from effective-dated snapshots, newest version winning. */
class DirectoryReplicaTest {

    private static final LocalDate MOVE = LocalDate.of(2023, 1, 1);

    private final DirectoryReplica replica = new DirectoryReplica();

    @Test
    void levelsAndGrassrootsComeFromTheSnapshot() {
        replica.apply(institution("VC", CareLevel.GRASSROOTS, "350921", 1, List.of()));
        replica.apply(institution("CH", CareLevel.SECONDARY, "350921", 1, List.of()));

        assertThat(replica.isGrassroots("VC")).isTrue();
        assertThat(replica.isGrassroots("CH")).isFalse();
        assertThat(replica.levelOf("UNKNOWN")).isEqualTo(CareLevel.NOT_APPLICABLE);
        assertThat(replica.countyOf("CH")).contains("350921");
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOne() {
        replica.apply(institution("CH", CareLevel.TERTIARY, "350921", 5, List.of()));
        replica.apply(institution("CH", CareLevel.SECONDARY, "350921", 4, List.of()));

        assertThat(replica.levelOf("CH")).isEqualTo(CareLevel.TERTIARY);
    }

    @Test
    void sameGroupFollowsEffectiveDatedMemberships() {
        replica.apply(group(
                "G1",
                1,
                List.of(
                        new Membership("LEAD", MembershipRole.LEAD, LocalDate.of(2020, 1, 1), null),
                        new Membership("CH", MembershipRole.MEMBER, LocalDate.of(2020, 1, 1), MOVE))));

        assertThat(replica.sameGroup("LEAD", "CH", MOVE.minusDays(1))).isTrue();
        assertThat(replica.sameGroup("LEAD", "CH", MOVE))
                .as("validTo is exclusive")
                .isFalse();
    }

    @Test
    void aNewGroupVersionReplacesItsMembershipIndex() {
        replica.apply(group(
                "G1",
                1,
                List.of(
                        new Membership("A", MembershipRole.LEAD, LocalDate.of(2020, 1, 1), null),
                        new Membership("B", MembershipRole.MEMBER, LocalDate.of(2020, 1, 1), null))));
        replica.apply(group(
                "G1",
                2,
                List.of(
                        new Membership("A", MembershipRole.LEAD, LocalDate.of(2020, 1, 1), null),
                        new Membership("C", MembershipRole.MEMBER, LocalDate.of(2020, 1, 1), null))));

        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThat(replica.sameGroup("A", "B", today)).isFalse();
        assertThat(replica.commonGroups("C", "A", today))
                .extracting(MedicalGroupSnapshot::id)
                .containsExactly("G1");
    }

    @Test
    void aReaderNeverSeesAGroupHalfReindexed() throws Exception {
        List<Membership> members = List.of(
                new Membership("A", MembershipRole.LEAD, LocalDate.of(2020, 1, 1), null),
                new Membership("B", MembershipRole.MEMBER, LocalDate.of(2020, 1, 1), null));
        replica.apply(group("G1", 1, members));
        LocalDate today = LocalDate.of(2026, 11, 23);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            // The same members in every version: a reader must see them in the group throughout.
            for (long version = 2; version < 20_000; version++) {
                replica.apply(group("G1", version, members));
            }
            writing.set(false);
        });
        writer.start();
        long misses = 0;
        while (writing.get()) {
            if (!replica.sameGroup("A", "B", today)) {
                misses++;
            }
        }
        writer.join();

        assertThat(misses).as("answers that the two were not in one group").isZero();
    }

    @Test
    void pairingsAreFoundFromEitherSide() {
        Pairing township = new Pairing("THC", PairingKind.TOWNSHIP_PAIRING, LocalDate.of(2022, 1, 1), null);
        replica.apply(institution("CH", CareLevel.SECONDARY, "350921", 1, List.of(township)));

        assertThat(replica.pairingsBetween("THC", "CH", LocalDate.of(2024, 6, 1)))
                .containsExactly(township);
        assertThat(replica.pairingsBetween("CH", "THC", LocalDate.of(2021, 6, 1)))
                .isEmpty();
    }

    private static InstitutionSnapshot institution(
            String code, CareLevel level, String county, long version, List<Pairing> pairings) {
        return new InstitutionSnapshot(
                code,
                code,
                InstitutionType.GENERAL_HOSPITAL,
                level,
                Ownership.GOVERNMENT,
                new Region("350000", "350900", county, null),
                true,
                pairings,
                version,
                Instant.EPOCH);
    }

    private static MedicalGroupSnapshot group(String id, long version, List<Membership> memberships) {
        return new MedicalGroupSnapshot(
                id, id, GroupKind.COUNTY_MEDICAL_COMMUNITY, "350921", memberships, version, Instant.EPOCH);
    }
}
