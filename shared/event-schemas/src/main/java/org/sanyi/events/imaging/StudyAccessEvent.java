package org.sanyi.events.imaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.sanyi.events.directory.InstitutionRef;

/**
 * Data of {@code org.sanyi.imaging.study.accessed.v1} on {@code imaging.access.v1}: one look at one patient's studies
 * under one basis (X-10, "患者可阅"). Pseudonym and ids only.
 *
 * @param purposeOfUse the HL7 PurposeOfUse code the caller declared
 * @param breakGlassReason only for a break-glass access, which waits for review
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyAccessEvent(
        String accessId,
        AccessAction action,
        String patientPseudonym,
        InstitutionRef accessor,
        String role,
        String purposeOfUse,
        AccessBasis basis,
        BreakGlassReason breakGlassReason,
        List<String> studyIds,
        List<String> sourceInstitutions,
        Instant accessedAt) {

    public StudyAccessEvent {
        studyIds = List.copyOf(studyIds);
        sourceInstitutions = List.copyOf(sourceInstitutions);
    }
}
