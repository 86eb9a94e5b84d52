package org.sanyi.directory.replica.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sanyi.directory.replica.DirectoryReplica;
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

/** The part of the 宁德 seed region the service tests use, published to the directory topics once per test JVM. */
public final class NingdeTestRegion {

    /** 霞浦县 医共体: the county hospital leads, the township centre runs the shared lab. */
    public static final String COUNTY_HOSPITAL = "NDXP-H01";

    public static final String TOWNSHIP_CENTRE = "NDXP-THC01";
    /** A member whose lab has no EQA pass. */
    public static final String TOWNSHIP_WITHOUT_EQA = "NDXP-THC02";

    public static final String VILLAGE_CLINIC = "NDXP-VC01";
    public static final String XIAPU_GROUP = "GRP-XP-YGT";
    /** 福安市: same city, another county, not in the group; secondary like the county hospital. */
    public static final String OTHER_COUNTY_HOSPITAL = "NDFA-H01";
    /** 宁德市医院: tertiary, same city. */
    public static final String CITY_HOSPITAL = "ND-H01";
    /** 福建省立医院: tertiary, another city. */
    public static final String PROVINCIAL_HOSPITAL = "FJ-H01";

    public static final String REGULATOR = "ND-HC01";
    public static final String INSURER = "ND-IA01";
    public static final String OPERATOR = "ND-HIC01";

    private static final Region XIAPU = new Region("350000", "350900", "350921", null);
    private static final Region FUAN = new Region("350000", "350900", "350981", null);
    private static final Region JIAOCHENG = new Region("350000", "350900", "350902", null);
    private static final Region FUZHOU = new Region("350000", "350100", "350102", null);
    private static final LocalDate LONG_AGO = LocalDate.of(2021, 1, 1);

    private static boolean published;

    private NingdeTestRegion() {}

    public static synchronized void ensurePublished(DirectoryReplica replica) throws InterruptedException {
        if (published) {
            return;
        }
        List<InstitutionSnapshot> institutions = List.of(
                institution(COUNTY_HOSPITAL, "霞浦县医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.SECONDARY, XIAPU),
                institution(
                        TOWNSHIP_CENTRE,
                        "霞浦县长春镇中心卫生院",
                        InstitutionType.TOWNSHIP_HEALTH_CENTER,
                        CareLevel.GRASSROOTS,
                        XIAPU),
                institution(
                        TOWNSHIP_WITHOUT_EQA,
                        "霞浦县牙城镇卫生院",
                        InstitutionType.TOWNSHIP_HEALTH_CENTER,
                        CareLevel.GRASSROOTS,
                        XIAPU),
                institution(
                        VILLAGE_CLINIC, "霞浦县长春镇大京村卫生所", InstitutionType.VILLAGE_CLINIC, CareLevel.GRASSROOTS, XIAPU),
                institution(
                        OTHER_COUNTY_HOSPITAL, "福安市医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.SECONDARY, FUAN),
                institution(CITY_HOSPITAL, "宁德市医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.TERTIARY, JIAOCHENG),
                institution(
                        PROVINCIAL_HOSPITAL, "福建省立医院", InstitutionType.GENERAL_HOSPITAL, CareLevel.TERTIARY, FUZHOU),
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
        List<MedicalGroupSnapshot> groups = List.of(new MedicalGroupSnapshot(
                XIAPU_GROUP,
                "霞浦县总医院（县域医共体）",
                GroupKind.COUNTY_MEDICAL_COMMUNITY,
                "350921",
                List.of(
                        new Membership(COUNTY_HOSPITAL, MembershipRole.LEAD, LONG_AGO, null),
                        new Membership(TOWNSHIP_CENTRE, MembershipRole.MEMBER, LONG_AGO, null),
                        new Membership(TOWNSHIP_WITHOUT_EQA, MembershipRole.MEMBER, LONG_AGO, null),
                        new Membership(VILLAGE_CLINIC, MembershipRole.MEMBER, LONG_AGO, null)),
                1,
                Instant.now()));
        DirectoryPublisher.publishAndAwait(
                SanyiTestInfrastructure.kafkaBootstrapServers(), replica, institutions, groups);
        published = true;
    }

    public static InstitutionSnapshot institution(
            String code, String name, InstitutionType type, CareLevel level, Region region) {
        return new InstitutionSnapshot(
                code, name, type, level, Ownership.GOVERNMENT, region, true, List.of(), 1, Instant.now());
    }
}
