package org.sanyi.directory.infrastructure.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sanyi.directory.domain.Institution;
import org.sanyi.events.directory.InstitutionType;
import org.sanyi.platform.http.PageOf;

@ApplicationScoped
public class InstitutionRepository implements PanacheRepositoryBase<Institution, String> {

    /** Up to {@code size} institutions after {@code afterCode} matching every given criterion, by code. */
    public PageOf<Institution> search(InstitutionCriteria criteria, String afterCode, int size) {
        StringBuilder where = new StringBuilder("from Institution i where 1 = 1");
        Parameters parameters = new Parameters();
        if (criteria.type() != null) {
            where.append(" and i.type = :type");
            parameters.and("type", criteria.type());
        }
        if (criteria.level() != null) {
            where.append(" and i.level = :level");
            parameters.and("level", criteria.level());
        }
        if (criteria.countyCode() != null) {
            where.append(" and i.region.countyCode = :county");
            parameters.and("county", criteria.countyCode());
        }
        if (criteria.active() != null) {
            where.append(" and i.active = :active");
            parameters.and("active", criteria.active());
        }
        if (criteria.groupId() != null) {
            where.append(" and exists (select 1 from MedicalGroup g join g.memberships m where g.id = :group"
                    + " and m.institutionCode = i.code and m.validFrom <= :on"
                    + " and (m.validTo is null or m.validTo > :on))");
            parameters.and("group", criteria.groupId()).and("on", criteria.on());
        }
        if (afterCode != null) {
            where.append(" and i.code > :after");
            parameters.and("after", afterCode);
        }
        List<Institution> fetched =
                find(where + " order by i.code", parameters).range(0, size).list();
        return PageOf.of(fetched, size, Institution::code);
    }

    /** Types of those of {@code codes} that exist, by code. */
    public Map<String, InstitutionType> typesOf(Collection<String> codes) {
        Map<String, InstitutionType> types = new HashMap<>();
        if (codes.isEmpty()) {
            return types;
        }
        List<Object[]> rows = getEntityManager()
                .createQuery("select i.code, i.type from Institution i where i.code in :codes", Object[].class)
                .setParameter("codes", codes)
                .getResultList();
        rows.forEach(row -> types.put((String) row[0], (InstitutionType) row[1]));
        return types;
    }
}
