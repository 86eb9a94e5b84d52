package org.sanyi.result.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.events.result.DeclineReason;
import org.sanyi.platform.problem.ApiProblem;
import org.sanyi.platform.problem.FieldViolation;
import org.sanyi.result.application.RecognitionChecks;
import org.sanyi.result.domain.RecognitionDecision;

@Schema(name = "Decisions", description = "The ordering clinician's decision per item of the check (BR-E3)")
public record DecisionsRequest(@NotEmpty @Size(max = 30) List<@NotNull @Valid Decision> decisions) {

    @Schema(name = "Decision")
    public record Decision(
            @NotBlank @Size(max = 40) String itemCode,
            @NotNull RecognitionDecision.Outcome outcome,
            @Schema(description = "The result recognised (required), or the recognisable result set aside (optional)")
                    UUID resultId,
            @Schema(description = "Required to decline: the national situations and the provincial additions")
                    DeclineReason reason,
            @Size(max = 2000) @Schema(description = "For the medical record; required with OTHER_NECESSARY")
                    String note) {}

    /** A decline needs a reason (OTHER_NECESSARY also a note); a recognition takes none. */
    List<RecognitionChecks.NewDecision> toCommands() {
        List<FieldViolation> violations = new ArrayList<>();
        List<RecognitionChecks.NewDecision> commands = new ArrayList<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            String field = "decisions[" + i + "].";
            String note = decision.note() == null || decision.note().isBlank()
                    ? null
                    : decision.note().strip();
            if (decision.outcome() == RecognitionDecision.Outcome.DECLINED && decision.reason() == null) {
                violations.add(new FieldViolation(field + "reason", "declining needs a coded reason"));
            }
            if (decision.reason() == DeclineReason.OTHER_NECESSARY && note == null) {
                violations.add(new FieldViolation(field + "note", "OTHER_NECESSARY needs a note saying which case"));
            }
            if (decision.outcome() == RecognitionDecision.Outcome.RECOGNISED && decision.reason() != null) {
                violations.add(new FieldViolation(field + "reason", "a recognition has no decline reason"));
            }
            if (decision.outcome() == RecognitionDecision.Outcome.RECOGNISED && decision.resultId() == null) {
                violations.add(new FieldViolation(field + "resultId", "a recognition cites the result it uses"));
            }
            commands.add(new RecognitionChecks.NewDecision(
                    decision.itemCode(), decision.outcome(), decision.resultId(), decision.reason(), note));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return commands;
    }
}
