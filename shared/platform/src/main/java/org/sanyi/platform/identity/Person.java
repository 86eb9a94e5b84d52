package org.sanyi.platform.identity;

import java.util.UUID;

/**
 * A person as this service knows them: the id its own records point at, and the pseudonym its events carry. Both
 * stay the same whichever linked identifier the person arrives with.
 */
public record Person(UUID id, String pseudonym) {}
