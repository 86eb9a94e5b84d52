package org.sanyi.referral.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReferralPage", description = "Newest first")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralPage(
        List<ReferralSummary> items,
        @Schema(description = "Pass as `cursor` for the next page; absent on the last page") String nextCursor) {}
