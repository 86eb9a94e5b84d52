package org.sanyi.directory.domain;

import org.sanyi.events.directory.GroupKind;

/** What a caller states about a medical group, apart from its memberships. */
public record GroupAttributes(String name, GroupKind kind, String regionCode) {}
