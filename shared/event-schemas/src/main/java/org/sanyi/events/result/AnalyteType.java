package org.sanyi.events.result;

/** How an analyte of a lab item is reported: a number with a unit, a coded value (阴性/阳性, a blood group), or text. */
public enum AnalyteType {
    QUANTITY,
    CODED,
    TEXT
}
