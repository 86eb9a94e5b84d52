package org.sanyi.events.result;

/** 检验 (a laboratory test on a specimen) or 检查 (an examination: imaging, ultrasound, ECG, endoscopy…). */
public enum ResultKind {
    LAB,
    EXAM
}
