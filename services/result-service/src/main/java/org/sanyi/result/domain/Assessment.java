package org.sanyi.result.domain;

import org.sanyi.events.result.NotRecognisableReason;
import org.sanyi.events.result.RecognitionScope;

/** Whether one result is recognisable for one orderer on one day: the basis when it is, the reason when not. */
public record Assessment(RecognitionScope basis, NotRecognisableReason reason, long ageDays, int validityDays) {

    public boolean recognisable() {
        return basis != null;
    }

    static Assessment recognisable(RecognitionScope basis, long ageDays, int validityDays) {
        return new Assessment(basis, null, ageDays, validityDays);
    }

    static Assessment not(NotRecognisableReason reason, long ageDays, int validityDays) {
        return new Assessment(null, reason, ageDays, validityDays);
    }
}
