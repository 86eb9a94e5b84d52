package org.sanyi.directory.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.sanyi.directory.domain.MedicalGroup;
import org.sanyi.events.directory.GroupKind;
import org.sanyi.events.directory.MembershipRole;
import org.sanyi.platform.http.PageOf;

@ApplicationScoped
public class MedicalGroupRepository implements PanacheRepositoryBase<MedicalGroup, String> {

    public PageOf<MedicalGroup> search(GroupKind kind, String regionCode, String afterId, int size) {
        StringBuilder where = new StringBuilder("from MedicalGroup g where 1 = 1");
        Parameters parameters = new Parameters();
        if (kind != null) {
            where.append(" and g.kind = :kind");
            parameters.and("kind", kind);
        }
        if (regionCode != null) {
            where.append(" and g.regionCode = :region");
            parameters.and("region", regionCode);
        }
        if (afterId != null) {
            where.append(" and g.id > :after");
            parameters.and("after", afterId);
        }
        List<MedicalGroup> fetched =
                find(where + " order by g.id", parameters).range(0, size).list();
        return PageOf.of(fetched, size, MedicalGroup::id);
    }

    /** The groups {@code institutionCode} belongs to on {@code on}, with its role there, ordered by group id. */
    public List<GroupMembershipRow> membershipsOf(String institutionCode, LocalDate on) {
        List<Object[]> rows = getEntityManager()
                .createQuery(
                        "select g.id, g.name, g.kind, m.role, m.validFrom, m.validTo"
                                + " from MedicalGroup g join g.memberships m"
                                + " where m.institutionCode = :code and m.validFrom <= :on"
                                + " and (m.validTo is null or m.validTo > :on) order by g.id",
                        Object[].class)
                .setParameter("code", institutionCode)
                .setParameter("on", on)
                .getResultList();
        return rows.stream()
                .map(row -> new GroupMembershipRow(
                        (String) row[0],
                        (String) row[1],
                        (GroupKind) row[2],
                        (MembershipRole) row[3],
                        (LocalDate) row[4],
                        (LocalDate) row[5]))
                .toList();
    }

    public record GroupMembershipRow(
            String groupId,
            String groupName,
            GroupKind kind,
            MembershipRole role,
            LocalDate validFrom,
            LocalDate validTo) {}
}
