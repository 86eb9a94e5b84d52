package org.sanyi.events.result;

import java.util.List;

/** What a check found for one item: how many results were recognisable, how many not, and why not. */
public record CheckedItem(String itemCode, int recognisable, int notRecognisable, List<NotRecognisableReason> reasons) {

    public CheckedItem {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
