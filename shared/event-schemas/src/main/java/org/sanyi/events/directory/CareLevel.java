package org.sanyi.events.directory;

/**
 * Care level: 三级 / 二级 / 一级 / 基层; {@link #NOT_APPLICABLE} for institutions that do not deliver care. The rank
 * orders levels for deciding a referral's direction.
 */
public enum CareLevel {
    GRASSROOTS(0),
    PRIMARY(1),
    SECONDARY(2),
    TERTIARY(3),
    NOT_APPLICABLE(-1);

    private final int rank;

    CareLevel(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
