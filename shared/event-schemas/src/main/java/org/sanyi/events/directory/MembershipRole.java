package org.sanyi.events.directory;

/** 牵头 (lead) or 成员 (member). */
public enum MembershipRole {
    LEAD,
    MEMBER
}
