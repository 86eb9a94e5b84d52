package org.sanyi.events.result;

/** A recognition that cited a withdrawn result, and the institution that made it (to be told). */
public record VoidedRecognition(String decisionId, String institutionCode) {}
