package org.sanyi.result.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.sanyi.events.result.NotRecognisableReason;
import org.sanyi.events.result.RecognitionScope;

/** A result a check found for one of its items, and whether it was recognisable then (basis) or why not (reason). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Candidate(
        UUID resultId, String itemCode, boolean recognisable, RecognitionScope basis, NotRecognisableReason reason) {}
