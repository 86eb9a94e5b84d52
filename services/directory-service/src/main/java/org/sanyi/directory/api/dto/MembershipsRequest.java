package org.sanyi.directory.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The complete list of the group's memberships, past, present and planned")
public record MembershipsRequest(
        @NotNull(message = "is required (an empty list removes every membership)") @Size(max = 2000)
                List<@NotNull(message = "must not be null") @Valid MembershipRequest> memberships) {}
