package org.sanyi.platform.problem;

/** The fixed facts of one problem type, held by each catalogue's enum constant. */
public record ProblemDefinition(String code, int status, String slug, String title) {}
