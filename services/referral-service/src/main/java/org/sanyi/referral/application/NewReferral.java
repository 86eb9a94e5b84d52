package org.sanyi.referral.application;

import java.util.List;
import org.sanyi.events.referral.DownReferralIndication;
import org.sanyi.events.referral.ReferralUrgency;
import org.sanyi.kernel.Identifier;
import org.sanyi.referral.domain.Attachment;
import org.sanyi.referral.domain.DischargeMedication;
import org.sanyi.referral.domain.FamilyDoctorInvolvement;
import org.sanyi.referral.domain.Icd10Code;

/**
 * A checked request to refer a patient: identifiers normalised, codes parsed. The sender is not part of it: it is
 * always the calling institution.
 */
public record NewReferral(
        String receiverCode,
        Identifier patient,
        String patientName,
        String patientContact,
        Icd10Code diagnosis,
        String diagnosisDisplay,
        String reason,
        String requestedDepartment,
        ReferralUrgency urgency,
        List<Attachment> attachments,
        Identifier sendingClinician,
        FamilyDoctorInvolvement familyDoctorInvolvement,
        Identifier familyDoctor,
        DownReferralIndication downReferralIndication,
        String downReferralNote,
        List<DischargeMedication> dischargeMedications) {

    public NewReferral {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        dischargeMedications = dischargeMedications == null ? List.of() : List.copyOf(dischargeMedications);
    }
}
