package org.sanyi.referral.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.Region;
import org.sanyi.events.referral.DownReferralIndication;
import org.sanyi.events.referral.ReferralDirection;
import org.sanyi.events.referral.ReferralFlags;
import org.sanyi.events.referral.ReferralUrgency;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.referral.domain.Icd10Code;
import org.sanyi.referral.domain.ReferralFlagRules;
import org.sanyi.referral.domain.ReferralPolicy;
import org.sanyi.referral.domain.ReferralProblem;

/**
 * Decides what the caller must not decide: the direction of a referral and its policy flags, from the directory
 * replica (levels, counties, effective-dated group memberships) and the region's policy on the referral date. Reads
 * only memory, so the create path makes no call to another service.
 */
@ApplicationScoped
public class ReferralRouting {

    @Inject
    DirectoryReplica directory;

    @Inject
    ReferralPolicies policies;

    /** Direction, parties, flags and policy of a referral. */
    public record Route(
            InstitutionSnapshot sender,
            InstitutionSnapshot receiver,
            ReferralDirection direction,
            ReferralFlags flags,
            List<String> commonGroupIds,
            ReferralPolicy policy) {}

    public Route route(
            String senderCode,
            String receiverCode,
            ReferralUrgency urgency,
            Icd10Code diagnosis,
            DownReferralIndication downReferralIndication,
            boolean familyDoctorInvolved,
            LocalDate referralDate) {
        if (senderCode.equals(receiverCode)) {
            throw new ApiProblem(
                    ReferralProblem.SELF_REFERRAL,
                    "Institution " + senderCode + " cannot refer a patient to itself",
                    List.of(new FieldViolation("receiverInstitution", "is the calling institution itself")));
        }
        InstitutionSnapshot sender = careProvider(senderCode, "sender", "the calling institution");
        InstitutionSnapshot receiver = careProvider(receiverCode, "receiverInstitution", "the receiver");

        ReferralDirection direction = ReferralFlagRules.directionBetween(sender.level(), receiver.level());
        ReferralPolicy policy = policies.applicable(regionsOf(sender), referralDate);
        if (urgency == ReferralUrgency.GREEN_CHANNEL && !policy.parameters().allowsGreenChannel(diagnosis)) {
            throw new ApiProblem(
                    ReferralProblem.GREEN_CHANNEL_NOT_ELIGIBLE,
                    "Diagnosis " + diagnosis + " does not open the green channel under policy " + policy.regionCode()
                            + " v" + policy.version() + "; send it as URGENT",
                    List.of(new FieldViolation("urgency", "GREEN_CHANNEL is not allowed for this diagnosis")));
        }
        List<String> commonGroupIds = directory.commonGroups(senderCode, receiverCode, referralDate).stream()
                .map(MedicalGroupSnapshot::id)
                .sorted()
                .toList();

        ReferralFlags flags = ReferralFlagRules.flags(
                sender,
                receiver,
                urgency,
                diagnosis,
                downReferralIndication,
                familyDoctorInvolved,
                commonGroupIds,
                policy.parameters());
        return new Route(sender, receiver, direction, flags, commonGroupIds, policy);
    }

    private InstitutionSnapshot careProvider(String code, String field, String role) {
        InstitutionSnapshot institution = directory.institution(code).orElse(null);
        // A replica still loading never gets here: CallerVerification has answered 503 PLT-0021 before.
        if (institution == null) {
            throw new ApiProblem(
                    ReferralProblem.UNKNOWN_INSTITUTION,
                    role + " " + code + " is not in the regional directory",
                    List.of(new FieldViolation(field, "unknown institution " + code)));
        }
        if (!institution.active()
                || institution.type() == null
                || !institution.type().deliversCare()) {
            throw new ApiProblem(
                    ReferralProblem.NOT_A_CARE_PROVIDER,
                    role + " " + code + " is " + (institution.active() ? "a " + institution.type() : "inactive")
                            + " and cannot take part in a referral",
                    List.of(new FieldViolation(field, "not an active care provider")));
        }
        return institution;
    }

    /** Most specific first: county, city, province. */
    private static List<String> regionsOf(InstitutionSnapshot institution) {
        List<String> regions = new ArrayList<>(3);
        Region region = institution.region();
        if (region != null) {
            regions.add(region.countyCode());
            regions.add(region.cityCode());
            regions.add(region.provinceCode());
        }
        regions.removeIf(Objects::isNull);
        return regions;
    }
}
