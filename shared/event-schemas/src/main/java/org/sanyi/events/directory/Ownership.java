package org.sanyi.events.directory;

/** 政府办 / 其他公立 / 社会办. */
public enum Ownership {
    GOVERNMENT,
    OTHER_PUBLIC,
    PRIVATE
}
