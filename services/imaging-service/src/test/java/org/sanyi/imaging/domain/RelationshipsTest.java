package org.sanyi.imaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sanyi.events.imaging.AccessBasis;
import org.sanyi.imaging.domain.Relationships.ConsentGrant;
import org.sanyi.imaging.domain.Relationships.ReferralLink;

class RelationshipsTest {

    private static final LocalDate STUDY_DATE = LocalDate.of(2026, 12, 1);

    private final Relationships none = new Relationships(List.of(), List.of(), (a, b, d) -> Optional.empty());

    @Test
    void theSourceAndTheReadingCentreComeFirst() {
        Study study = study("SRC", "CENTRE");
        Relationships everything = new Relationships(
                List.of(new ReferralLink("r1", "SRC", "CENTRE", Instant.now())),
                List.of(new ConsentGrant("c1", "CENTRE", null)),
                (a, b, d) -> Optional.of("G1"));
        assertThat(everything.grantFor(study, "SRC"))
                .map(Relationships.Grant::basis)
                .contains(AccessBasis.SOURCE);
        assertThat(everything.grantFor(study, "CENTRE"))
                .map(Relationships.Grant::basis)
                .contains(AccessBasis.READING_CENTRE);
        assertThat(none.grantFor(study, "OTHER")).isEmpty();
    }

    @Test
    void eitherPartyOfAReferralSeesAndTheReferralIsNamed() {
        Relationships referral = new Relationships(
                List.of(new ReferralLink("r1", "VC", "H", Instant.now())), List.of(), (a, b, d) -> Optional.empty());
        assertThat(referral.grantFor(study("SRC", null), "H"))
                .contains(new Relationships.Grant(AccessBasis.REFERRAL, "r1"));
        assertThat(referral.grantFor(study("SRC", null), "VC"))
                .contains(new Relationships.Grant(AccessBasis.REFERRAL, "r1"));
        assertThat(referral.grantFor(study("SRC", null), "X")).isEmpty();
    }

    @Test
    void aConsentCoversAllStudiesOrThoseListed() {
        Study listed = study("SRC", null);
        Study other = study("SRC", null);
        other.studyUid = "1.2.3.9";
        Relationships consents = new Relationships(
                List.of(),
                List.of(new ConsentGrant("c1", "H", List.of(listed.studyUid)), new ConsentGrant("c2", "K", null)),
                (a, b, d) -> Optional.empty());
        assertThat(consents.grantFor(listed, "H"))
                .map(Relationships.Grant::basis)
                .contains(AccessBasis.CONSENT);
        assertThat(consents.grantFor(other, "H")).isEmpty();
        assertThat(consents.grantFor(other, "K")).contains(new Relationships.Grant(AccessBasis.CONSENT, "c2"));
    }

    @Test
    void aGroupCountsOnTheStudyDate() {
        Relationships groups = new Relationships(
                List.of(), List.of(), (a, b, date) -> date.equals(STUDY_DATE) ? Optional.of("G1") : Optional.empty());
        Study onTheDay = study("SRC", null);
        Study later = study("SRC", null);
        later.studyDate = STUDY_DATE.plusYears(1);
        assertThat(groups.grantFor(onTheDay, "H")).contains(new Relationships.Grant(AccessBasis.SAME_GROUP, "G1"));
        assertThat(groups.grantFor(later, "H")).isEmpty();
    }

    private static Study study(String source, String centre) {
        Study study = new Study();
        study.studyUid = "1.2.3.4";
        study.sourceCode = source;
        study.readingCentreCode = centre;
        study.studyDate = STUDY_DATE;
        return study;
    }

    @Test
    void theNationalIndexIdHasItsFiveParts() {
        String credit = org.sanyi.kernel.UnifiedSocialCreditCode.withCheckCharacter("12350921MB0000001");
        String id = NhsaIndexId.of("35012345678901234567", LocalDateTime.of(2026, 12, 1, 9, 30), credit)
                .orElseThrow();
        assertThat(id).hasSize(26 + 12 + 9 + 13 + 18);
        assertThat(id.substring(0, 26)).isEqualTo("00000035012345678901234567");
        assertThat(id.substring(26, 38)).isEqualTo("202612010930");
        assertThat(id.substring(38, 60)).isEqualTo("0".repeat(22));
        assertThat(id.substring(60)).isEqualTo(credit);
        assertThat(NhsaIndexId.of("3501234", LocalDateTime.now(), "not-a-code")).isEmpty();
        assertThat(NhsaIndexId.of("35A1", LocalDateTime.now(), credit)).isEmpty();
        assertThat(NhsaIndexId.of("1".repeat(27), LocalDateTime.now(), credit)).isEmpty();
    }
}
