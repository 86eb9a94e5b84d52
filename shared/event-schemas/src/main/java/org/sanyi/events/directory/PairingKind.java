package org.sanyi.events.directory;

/** Kinds of support relation named in the policy documents (REF-20). */
public enum PairingKind {
    /** 二级医院包乡: a county-level hospital is responsible for a township health centre. */
    TOWNSHIP_PAIRING,
    /** 乡镇卫生院包村: a township health centre is responsible for a village clinic. */
    VILLAGE_PAIRING,
    /** 对口帮扶: a higher-level hospital supports a county hospital. */
    COUNTERPART_SUPPORT,
    /** 托管: one hospital manages another as a whole. */
    TRUSTEESHIP
}
