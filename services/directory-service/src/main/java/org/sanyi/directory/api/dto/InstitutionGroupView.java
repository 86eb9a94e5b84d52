package org.sanyi.directory.api.dto;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.directory.infrastructure.persistence.MedicalGroupRepository.GroupMembershipRow;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.MembershipRole;

@Schema(name = "InstitutionGroup", description = "A group the institution belongs to on the date asked about")
public record InstitutionGroupView(
        @Schema(example = "GRP-ND-SY") String groupId,
        @Schema(example = "宁德市医院医疗集团") String groupName,
        @Schema(example = "CITY_MEDICAL_GROUP") GroupKind kind,
        @Schema(example = "MEMBER") MembershipRole role,
        @Schema(example = "2023-01-01") LocalDate validFrom,
        @Schema(nullable = true) LocalDate validTo) {

    public static InstitutionGroupView of(GroupMembershipRow row) {
        return new InstitutionGroupView(
                row.groupId(), row.groupName(), row.kind(), row.role(), row.validFrom(), row.validTo());
    }
}
