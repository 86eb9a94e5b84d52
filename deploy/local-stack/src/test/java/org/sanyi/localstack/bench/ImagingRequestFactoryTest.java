package org.sanyi.localstack.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sanyi.kernel.DicomUid;
import org.sanyi.kernel.ResidentIdNumber;
import org.sanyi.localstack.exchange.ExchangeClient;

class ImagingRequestFactoryTest {

    private static final long PERSONS = 1_000;

    private final ImagingRequestFactory factory = new ImagingRequestFactory(200, PERSONS, "1796614406");

    @Test
    void aSearchNamesASearchedPersonByResidentId() {
        for (int i = 0; i < 200; i++) {
            String path = factory.nextSearchPath();

            assertThat(path)
                    .startsWith("/dicomweb/studies?PatientID=")
                    .endsWith("&IssuerOfPatientID=urn:sanyi:id:cn-resident-id");
            String residentId = path.substring("/dicomweb/studies?PatientID=".length(), path.indexOf('&'));
            ResidentIdNumber.parse(residentId);
            boolean searched = false;
            for (int n = 0; n < ImagingBulkLoad.SEARCHED_PERSONS && !searched; n++) {
                searched = SyntheticPersons.residentId(n).equals(residentId);
            }
            assertThat(searched).isTrue();
        }
        assertThat(ImagingRequestFactory.searchPath(0)).contains(SyntheticPersons.residentId(0));
    }

    @Test
    void aBatchHoldsValidNewStudiesOfKnownAndNewPatientsNeverInTheFuture() throws Exception {
        Instant now = Instant.now();
        Set<String> uids = new HashSet<>();
        Set<String> accessions = new HashSet<>();
        Set<String> searched = new HashSet<>();
        for (int n = 0; n < ImagingBulkLoad.SEARCHED_PERSONS; n++) {
            searched.add(SyntheticPersons.residentId(n));
        }
        Set<String> known = new HashSet<>();
        for (long n = ImagingBulkLoad.SEARCHED_PERSONS; n < PERSONS; n++) {
            known.add(SyntheticPersons.residentId(n));
        }
        int ofKnown = 0;
        for (int b = 0; b < 3; b++) {
            JsonNode studies =
                    ExchangeClient.JSON.readTree(factory.nextBatch(500, now)).path("studies");

            assertThat(studies).hasSize(500);
            for (JsonNode study : studies) {
                String uid = study.path("studyInstanceUid").asText();
                assertThat(DicomUid.isValid(uid)).isTrue();
                assertThat(uid).startsWith(ImagingRequestFactory.REGISTRATION_UID_ROOT + ".1796614406.");
                assertThat(uids.add(uid)).isTrue();
                String accession = study.path("accessionNumber").asText();
                assertThat(accession).hasSizeLessThanOrEqualTo(16);
                assertThat(accessions.add(accession)).isTrue();
                JsonNode identifier = study.path("patient").path("identifiers").get(0);
                assertThat(identifier.path("system").asText()).isEqualTo("urn:sanyi:id:cn-resident-id");
                String residentId = identifier.path("value").asText();
                ResidentIdNumber.parse(residentId);
                assertThat(searched)
                        .as("the searched persons keep their 50 studies")
                        .doesNotContain(residentId);
                if (known.contains(residentId)) {
                    ofKnown++;
                }
                assertThat(LocalDate.parse(study.path("patientBirthDate").asText()))
                        .isEqualTo(ImagingRequestFactory.birthDate(residentId));
                assertThat(study.path("patientSex").asText()).isIn("M", "F");
                Instant studyAt = Instant.parse(study.path("studyAt").asText());
                assertThat(studyAt).isBefore(now).isAfter(now.minusSeconds(8L * 24 * 3600));
                JsonNode series = study.path("series");
                assertThat(series).hasSize(1);
                assertThat(series.get(0).path("seriesInstanceUid").asText()).isEqualTo(uid + ".1");
                assertThat(DicomUid.isValid(uid + ".1")).isTrue();
                assertThat(series.get(0).path("modality").asText()).isIn("DX", "CT", "US", "MR");
                assertThat(series.get(0).path("numberOfInstances").asInt()).isPositive();
                assertThat(study.path("retrieveEndpoint").asText())
                        .isEqualTo("https://pacs.ndxp-thc01.example/dicom-web");
                assertThat(study.path("patientName").path("ideographic").asText())
                        .startsWith("测试^患者");
            }
        }
        assertThat(uids).hasSize(1500);
        assertThat(ofKnown).as("half of known patients").isEqualTo(750);
    }

    @Test
    void refusesWhatWouldMakeInvalidRequests() {
        assertThatThrownBy(() -> new ImagingRequestFactory(0, 1000, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImagingRequestFactory(201, 1000, "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImagingRequestFactory(10, 200, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImagingRequestFactory(10, 1000, "0123"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
