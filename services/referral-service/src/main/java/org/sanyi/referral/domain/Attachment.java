package org.sanyi.referral.domain;

/** A reference to a result that travels with the referral; the content is fetched from its own service. */
public record Attachment(AttachmentKind kind, String reference, String description) {}
