package org.sanyi.events.imaging;

/** What a look was: a search that disclosed index entries, or a retrieval ticket for the pixels at the source. */
public enum AccessAction {
    SEARCH,
    RETRIEVE
}
