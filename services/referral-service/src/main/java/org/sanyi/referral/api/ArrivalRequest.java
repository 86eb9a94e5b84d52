package org.sanyi.referral.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "ArrivalRequest",
        description = "The patient arrived at, or was admitted by, the receiver; the body may be omitted")
public record ArrivalRequest(
        @Schema(description = "When the patient arrived; now when absent. Not in the future.") Instant arrivedAt,
        @Schema(description = "Admitted as an inpatient rather than seen as an outpatient") Boolean admittedAsInpatient,
        @Schema(description = "Placed in a 联合病房 of the medical group (REF-08)") Boolean jointWard) {}
