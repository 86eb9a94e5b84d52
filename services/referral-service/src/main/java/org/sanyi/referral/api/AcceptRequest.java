package org.sanyi.referral.api;

import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AcceptRequest", description = "The receiver takes the patient over; the body may be omitted")
public record AcceptRequest(
        @Schema(description = "Appointment or admission slot offered to the patient") Instant appointmentAt,
        @Size(max = 1000) @Schema(description = "For the two parties only; never in events") String note) {}
