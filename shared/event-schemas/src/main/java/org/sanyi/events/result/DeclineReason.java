package org.sanyi.events.result;

/**
 * Why the ordering clinician repeats an exam or test although a result is recognisable: the six situations of the
 * national rules (《医疗机构检查检验结果互认管理办法》, 2022) and the provincial additions.
 */
public enum DeclineReason {
    /** 病情变化: the result no longer fits the clinical picture. */
    CONDITION_CHANGED,
    /** 检查检验项目指标变化快. */
    FAST_CHANGING_PARAMETER,
    /** 对重大诊疗措施意义重大 (before surgery, transfusion…). */
    MAJOR_INTERVENTION,
    /** 急诊、急救. */
    EMERGENCY_OR_RESCUE,
    /** 司法鉴定、伤残鉴定、退休鉴定等. */
    FORENSIC_OR_ASSESSMENT,
    /** 其他必要情形; the note must say which. */
    OTHER_NECESSARY,
    /** Provincial: the issuing lab failed its EQA. */
    ISSUER_EQA_FAILED,
    /** Provincial: the patient asks for a new test. */
    PATIENT_REQUEST,
    /** Provincial: valid, but too old for this purpose. */
    TOO_OLD_FOR_PURPOSE
}
