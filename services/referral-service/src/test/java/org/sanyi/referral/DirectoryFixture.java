package org.sanyi.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.directory.replica.testing.DirectoryPublisher;
import org.sanyi.events.directory.CareLevel;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.events.directory.MedicalGroupSnapshot;
import org.sanyi.events.directory.Membership;
import org.sanyi.events.directory.MembershipRole;
import org.sanyi.events.directory.Ownership;
import org.sanyi.events.directory.Region;
import org.sanyi.testing.SanyiTestInfrastructure;

/**
 * A small region modelled on the directory's 宁德 seed, published to the directory topics as the directory service
 * would, so the service's replica learns it exactly as in production.
 */
final class DirectoryFixture {

    // 霞浦县 (350921): one 县域医共体 led by the county hospital.
    static final String VILLAGE_CLINIC = "NDXP-VC01";
    static final String TOWNSHIP_CENTRE = "NDXP-THC01";
    static final String COUNTY_HOSPITAL = "NDXP-H01";
    static final String COUNTY_TCM_HOSPITAL = "NDXP-TCM01";
    /** Left the 医共体 on 2024-01-01: effective dating must keep it out of the group today. */
    static final String FORMER_MEMBER_CENTRE = "NDXP-THC09";

    static final String XIAPU_GROUP = "GRP-XP-YGT";
    // Elsewhere.
    /** 福安市 (350981): same city, another county, another group. */
    static final String OTHER_COUNTY_HOSPITAL = "NDFA-H01";
    /** 福州 (350102): another city, tertiary. */
    static final String PROVINCIAL_HOSPITAL = "FJ-H01";
    // 古田县 (350922): a county whose policy tests replace.
    static final String GUTIAN_VILLAGE_CLINIC = "NDGT-VC01";
    static final String GUTIAN_HOSPITAL = "NDGT-H01";
    static final String GUTIAN_GROUP = "GRP-GT-YGT";
    // A pair only the statistics test uses, so its numbers are exact.
    static final String STATISTICS_CLINIC = "NDZN-VC01";
    static final String STATISTICS_HOSPITAL = "FJ-H02";
    // Not care providers.
    static final String REGULATOR = "ND-HC01";
    static final String INSURER = "ND-IA01";
    /** 宁德市卫生健康信息中心, the platform operator whose administrators run the exchange. */
    static final String OPERATOR = "ND-HIC01";

    private static final Region XIAPU = new Region("350000", "350900", "350921", null);
    private static final Region GUTIAN = new Region("350000", "350900", "350922", null);
    private static final Region ZHOUNING = new Region("350000", "350900", "350925", null);
    private static final Region FUAN = new Region("350000", "350900", "350981", null);
    private static final Region JIAOCHENG = new Region("350000", "350900", "350902", null);
    private static final Region FUZHOU = new Region("350000", "350100", "350102", null);
    private static final LocalDate LONG_AGO = LocalDate.of(2021, 1, 1);

    private static boolean published;

    private DirectoryFixture() {}

    /** Publishes the region once per test JVM and waits until the replica knows all of it. */
    static synchronized void ensurePublished(DirectoryReplica replica) throws Exception {
        if (published) {
            return;
        }
        List<InstitutionSnapshot> institutions = List.of(
                institution(
                        VILLAGE_CLINIC, "霞浦县长春镇大京村卫生所", InstitutionType.VILLAGE_CLINIC, CareLevel.GRASSROOTS, XIAPU),
                institution(
                        TOWNSHIP_CENTRE,
                        "霞浦县长春镇中心卫生院",
                        InstitutionType.TOWNSHIP_HEALTH_CENTER,
                        CareLevel.GRASSROOTS,
                        XIAPU),
                institution(
                        FORMER_MEMBER_CENTRE,
                        "霞浦县测试镇卫生院",
                        InstitutionType.TOWNSHIP_HEALTH_CENTER,
                        CareLevel.GRASSROOTS,
                        XIAPU),
                institution(COUNTY_HOSPITAL, "霞浦县医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.SECONDARY, XIAPU),
                institution(COUNTY_TCM_HOSPITAL, "霞浦县中医医院", InstitutionType.TCM_HOSPITAL, CareLevel.SECONDARY, XIAPU),
                institution(
                        OTHER_COUNTY_HOSPITAL, "福安市医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.SECONDARY, FUAN),
                institution(
                        PROVINCIAL_HOSPITAL, "福建省立医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.TERTIARY, FUZHOU),
                institution(
                        GUTIAN_VILLAGE_CLINIC,
                        "古田县平湖镇含溪村卫生所",
                        InstitutionType.VILLAGE_CLINIC,
                        CareLevel.GRASSROOTS,
                        GUTIAN),
                institution(GUTIAN_HOSPITAL, "古田县医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.SECONDARY, GUTIAN),
                institution(
                        STATISTICS_CLINIC, "周宁县测试村卫生所", InstitutionType.VILLAGE_CLINIC, CareLevel.GRASSROOTS, ZHOUNING),
                institution(
                        STATISTICS_HOSPITAL,
                        "福建医科大学附属协和医院",
                        InstitutionType.GENERAL_HOSPITAL,
                        CareLevel.TERTIARY,
                        FUZHOU),
                institution(
                        REGULATOR,
                        "宁德市卫生健康委员会",
                        InstitutionType.HEALTH_COMMISSION,
                        CareLevel.NOT_APPLICABLE,
                        JIAOCHENG),
                institution(
                        INSURER, "宁德市医疗保障基金中心", InstitutionType.INSURANCE_AGENCY, CareLevel.NOT_APPLICABLE, JIAOCHENG),
                institution(
                        OPERATOR,
                        "宁德市卫生健康信息中心",
                        InstitutionType.HEALTH_COMMISSION,
                        CareLevel.NOT_APPLICABLE,
                        JIAOCHENG));
        List<MedicalGroupSnapshot> groups = List.of(
                new MedicalGroupSnapshot(
                        XIAPU_GROUP,
                        "霞浦县总医院（县域医共体）",
                        GroupKind.COUNTY_MEDICAL_COMMUNITY,
                        "350921",
                        List.of(
                                member(COUNTY_HOSPITAL, MembershipRole.LEAD, LONG_AGO, null),
                                member(COUNTY_TCM_HOSPITAL, MembershipRole.MEMBER, LONG_AGO, null),
                                member(TOWNSHIP_CENTRE, MembershipRole.MEMBER, LONG_AGO, null),
                                member(VILLAGE_CLINIC, MembershipRole.MEMBER, LONG_AGO, null),
                                member(
                                        FORMER_MEMBER_CENTRE,
                                        MembershipRole.MEMBER,
                                        LONG_AGO,
                                        LocalDate.of(2024, 1, 1))),
                        1,
                        Instant.now()),
                new MedicalGroupSnapshot(
                        GUTIAN_GROUP,
                        "古田县总医院（县域医共体）",
                        GroupKind.COUNTY_MEDICAL_COMMUNITY,
                        "350922",
                        List.of(
                                member(GUTIAN_HOSPITAL, MembershipRole.LEAD, LONG_AGO, null),
                                member(GUTIAN_VILLAGE_CLINIC, MembershipRole.MEMBER, LONG_AGO, null)),
                        1,
                        Instant.now()));

        DirectoryPublisher.publishAndAwait(
                SanyiTestInfrastructure.kafkaBootstrapServers(), replica, institutions, groups);
        published = true;
    }

    private static InstitutionSnapshot institution(
            String code, String name, InstitutionType type, CareLevel level, Region region) {
        return new InstitutionSnapshot(
                code, name, type, level, Ownership.GOVERNMENT, region, true, List.of(), 1, Instant.now());
    }

    private static Membership member(String code, MembershipRole role, LocalDate from, LocalDate to) {
        return new Membership(code, role, from, to);
    }
}
