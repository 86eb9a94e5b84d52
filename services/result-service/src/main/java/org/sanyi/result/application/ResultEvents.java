package org.sanyi.result.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.events.directory.InstitutionRef;
import org.sanyi.events.directory.InstitutionSnapshot;
import org.sanyi.events.result.CatalogueItemEvent;
import org.sanyi.events.result.ResultEvent;
import org.sanyi.events.result.VoidedRecognition;
import org.sanyi.result.domain.RecognitionItem;
import org.sanyi.result.domain.Result;

/** Event data from the service's records: codes and pseudonyms only, never values, notes or identifiers. */
@ApplicationScoped
public class ResultEvents {

    @Inject
    DirectoryReplica directory;

    public ResultEvent of(Result result, RecognitionItem item, boolean eqaPassed, List<VoidedRecognition> voided) {
        return new ResultEvent(
                result.id.toString(),
                result.version,
                result.status,
                result.patientPseudonym,
                party(result.issuerCode),
                party(result.performerCode),
                result.itemCode,
                item.kind,
                item.largeEquipment,
                result.specimenAt,
                result.reportedAt,
                eqaPassed,
                result.repeatOf == null ? null : result.repeatOf.toString(),
                result.repeatOf == null ? null : result.repeatWithoutReason,
                voided);
    }

    public static CatalogueItemEvent of(RecognitionItem item) {
        return new CatalogueItemEvent(
                item.code,
                item.version,
                item.name,
                item.kind,
                item.category,
                item.loinc,
                item.modality,
                item.validityDays,
                item.referencePrice,
                item.requiresEqa,
                item.largeEquipment,
                item.analytes,
                item.active,
                item.updatedAt,
                item.updatedBy);
    }

    /** The institution as the directory describes it now. */
    public InstitutionRef party(String code) {
        return directory.institution(code).map(ResultEvents::ref).orElse(new InstitutionRef(code, null, null));
    }

    static InstitutionRef ref(InstitutionSnapshot institution) {
        return new InstitutionRef(
                institution.code(),
                institution.level(),
                institution.region() == null ? null : institution.region().countyCode());
    }
}
