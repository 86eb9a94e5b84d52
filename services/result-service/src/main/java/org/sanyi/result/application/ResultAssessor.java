package org.sanyi.result.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.result.config.ResultConfig;
import org.sanyi.result.domain.Assessment;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.RecognitionPolicy;
import org.sanyi.result.domain.RecognitionRules;
import org.sanyi.result.domain.ResultSummary;

/**
 * Feeds {@link RecognitionRules} from the directory and the reference data, for the check (is it recognisable for
 * the orderer today?) and for publishing (could the issuer have recognised an earlier result?) alike.
 */
@ApplicationScoped
public class ResultAssessor {

    @Inject
    DirectoryReplica directory;

    @Inject
    ResultConfig config;

    /** The policy of the orderer's county, city or province in force on {@code on}, else the fallback. */
    public RecognitionPolicy policy(
            Optional<InstitutionSnapshot> orderer, LocalDate on, ReferenceData.Snapshot reference) {
        List<String> regions = new ArrayList<>();
        orderer.map(InstitutionSnapshot::region).ifPresent(region -> {
            regions.add(region.countyCode());
            regions.add(region.cityCode());
            regions.add(region.provinceCode());
        });
        return reference.policy(regions, on);
    }

    public Assessment assess(
            ResultSummary result,
            RecognitionItem item,
            RecognitionPolicy policy,
            String orderer,
            Optional<InstitutionSnapshot> ordering,
            LocalDate on,
            ReferenceData.Snapshot reference) {
        return RecognitionRules.assess(
                result,
                item,
                policy,
                eqaSatisfied(result, item, reference),
                result.isOwnedBy(orderer),
                new RecognitionRules.Parties(
                        directory.institution(result.performerCode()).orElse(null),
                        ordering.orElse(null),
                        directory.sameGroup(result.performerCode(), orderer, on)
                                || directory.sameGroup(result.issuerCode(), orderer, on)),
                date(result.specimenAt()),
                on);
    }

    /** The item needs no EQA, or the performing lab had a pass covering the specimen date. */
    public boolean eqaSatisfied(ResultSummary result, RecognitionItem item, ReferenceData.Snapshot reference) {
        return !item.requiresEqa || reference.eqaPassed(result.performerCode(), item.code, date(result.specimenAt()));
    }

    public LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, config.zone());
    }
}
