package org.sanyi.events.directory;

/** Institution types of the regional directory (domain-requirements §3). */
public enum InstitutionType {
    /** 综合医院 */
    GENERAL_HOSPITAL,
    /** 中医院 */
    TCM_HOSPITAL,
    /** 专科医院 (incl. 妇幼保健院) */
    SPECIALTY_HOSPITAL,
    /** 社区卫生服务中心 */
    COMMUNITY_HEALTH_CENTER,
    /** 社区卫生服务站 */
    COMMUNITY_HEALTH_STATION,
    /** 乡镇卫生院 */
    TOWNSHIP_HEALTH_CENTER,
    /** 村卫生室 / 村卫生所 */
    VILLAGE_CLINIC,
    /** 养老机构 / 医养结合机构 */
    ELDERLY_CARE,
    /** 药品零售企业 (pharmacy) */
    PHARMACY,
    /** 药品经营企业 (distributor) */
    DRUG_DISTRIBUTOR,
    /** 医保经办机构 */
    INSURANCE_AGENCY,
    /** 卫健委 */
    HEALTH_COMMISSION,
    /** 医保局 */
    HEALTHCARE_SECURITY_BUREAU,
    /** 市场监管局 */
    MARKET_REGULATION_BUREAU;

    /** Types that deliver care and can therefore send or receive referrals. */
    public boolean deliversCare() {
        return switch (this) {
            case GENERAL_HOSPITAL,
                    TCM_HOSPITAL,
                    SPECIALTY_HOSPITAL,
                    COMMUNITY_HEALTH_CENTER,
                    COMMUNITY_HEALTH_STATION,
                    TOWNSHIP_HEALTH_CENTER,
                    VILLAGE_CLINIC,
                    ELDERLY_CARE -> true;
            default -> false;
        };
    }
}
