package org.sanyi.imaging.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sanyi.events.imaging.AccessBasis;

/**
 * What the service knows about the treatment relationships between one patient and the institutions (BR-I3, BR-F3):
 * the patient's accepted referrals, the patient's consents, and the regional directory's groups. Decides, study by
 * study, whether an institution may see it and on which basis; the first basis that holds, in the order of
 * {@link AccessBasis}, is the one recorded.
 */
public record Relationships(List<ReferralLink> referrals, List<ConsentGrant> consents, GroupDirectory groups) {

    /** An accepted or arrived referral of the patient between two institutions. */
    public record ReferralLink(String referralId, String senderCode, String receiverCode, Instant acceptedAt) {
        boolean names(String institution) {
            return senderCode.equals(institution) || receiverCode.equals(institution);
        }
    }

    /** A consent in force: the grantee may see every study of the patient, or those listed. */
    public record ConsentGrant(String consentId, String granteeCode, List<String> studyUids) {
        boolean covers(Study study, String institution) {
            return granteeCode.equals(institution) && (studyUids == null || studyUids.contains(study.studyUid));
        }
    }

    /** The regional directory's effective-dated groups: a group both belonged to on the date, if any. */
    @FunctionalInterface
    public interface GroupDirectory {
        Optional<String> commonGroup(String first, String second, LocalDate date);
    }

    /** Why {@code institution} may see {@code study}, and the record that says so (a referral, consent or group id). */
    public record Grant(AccessBasis basis, String reference) {}

    public Optional<Grant> grantFor(Study study, String institution) {
        if (study.sourceCode.equals(institution)) {
            return Optional.of(new Grant(AccessBasis.SOURCE, null));
        }
        if (institution.equals(study.readingCentreCode)) {
            return Optional.of(new Grant(AccessBasis.READING_CENTRE, null));
        }
        for (ReferralLink referral : referrals) {
            if (referral.names(institution)) {
                return Optional.of(new Grant(AccessBasis.REFERRAL, referral.referralId()));
            }
        }
        for (ConsentGrant consent : consents) {
            if (consent.covers(study, institution)) {
                return Optional.of(new Grant(AccessBasis.CONSENT, consent.consentId()));
            }
        }
        return groups.commonGroup(institution, study.sourceCode, study.studyDate)
                .map(group -> new Grant(AccessBasis.SAME_GROUP, group));
    }
}
