package org.sanyi.localstack.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecognitionAnswersTest {

    private static JsonNode json(String text) throws Exception {
        return ExchangeClient.JSON.readTree(text.replace('\'', '"'));
    }

    private static final String CHECK = "{'id':'c1','items':["
            + "{'itemCode':'LAB-CBC','referencePrice':20.00,'recognisable':[{'resultId':'r1','basis':'SAME_GROUP'}],"
            + "'notRecognisable':[]},"
            + "{'itemCode':'LAB-LFT','recognisable':[{'resultId':'r2','basis':'SAME_GROUP'}],"
            + "'notRecognisable':[{'resultId':'r3','reason':'NO_VALID_EQA'}]}]}";

    @Test
    void findsAnItemsFindingsAndOneResult() throws Exception {
        JsonNode check = json(CHECK);

        JsonNode liver = RecognitionAnswers.item(check, "LAB-LFT");
        assertThat(RecognitionAnswers.found(liver.path("notRecognisable"), "r3"))
                .hasValueSatisfying(
                        found -> assertThat(found.path("reason").asText()).isEqualTo("NO_VALID_EQA"));
        assertThat(RecognitionAnswers.found(liver.path("recognisable"), "r3")).isEmpty();
        assertThat(RecognitionAnswers.item(check, "EXAM-CXR").isMissingNode()).isTrue();
        assertThat(RecognitionAnswers.decimal(
                        RecognitionAnswers.item(check, "LAB-CBC").path("referencePrice")))
                .isEqualByComparingTo("20");
    }

    @Test
    void aPassCountsOnlyForItsItemAndPeriod() throws Exception {
        JsonNode statuses =
                json("[{'itemCode':'LAB-LFT','passed':false,'validFrom':'2026-01-01','validTo':'2026-12-31'},"
                        + "{'itemCode':'LAB-CBC','passed':true,'validFrom':'2026-01-01','validTo':'2026-06-30'},"
                        + "{'itemCode':'LAB-CBC','passed':true,'validFrom':'bad','validTo':'2026-12-31'}]");

        assertThat(RecognitionAnswers.hasValidPass(statuses, "LAB-LFT", LocalDate.of(2026, 3, 1)))
                .as("a failed EQA is no pass")
                .isFalse();
        assertThat(RecognitionAnswers.hasValidPass(statuses, "LAB-CBC", LocalDate.of(2026, 6, 30)))
                .isTrue();
        assertThat(RecognitionAnswers.hasValidPass(statuses, "LAB-CBC", LocalDate.of(2026, 7, 1)))
                .isFalse();
        assertThat(RecognitionAnswers.hasValidPass(json("[]"), "LAB-CBC", LocalDate.of(2026, 7, 1)))
                .isFalse();
    }

    @Test
    void readsTheStatisticsFigures() throws Exception {
        JsonNode statistics = json("{'byItem':{'LAB-CBC':{'recognised':3,'declined':0,'savings':60.00}},"
                + "'declinesByReason':{'MAJOR_INTERVENTION':2}}");

        assertThat(RecognitionAnswers.itemSavings(statistics, "LAB-CBC")).isEqualByComparingTo(new BigDecimal("60"));
        assertThat(RecognitionAnswers.itemSavings(statistics, "LAB-LFT")).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(RecognitionAnswers.itemRecognised(statistics, "LAB-CBC")).isEqualTo(3);
        assertThat(RecognitionAnswers.declines(statistics, "MAJOR_INTERVENTION"))
                .isEqualTo(2);
        assertThat(RecognitionAnswers.declines(statistics, "PATIENT_REQUEST")).isZero();
        assertThat(RecognitionAnswers.decimal(json("{'a':'x'}").path("a"))).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void namesWhatAnEventReveals() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the resident ID", "350921195803129993");
        secrets.put("the name", "林秀英");
        secrets.put("nothing", "");

        byte[] clean = "{\"patientPseudonym\":\"pp-abc\",\"itemCode\":\"LAB-CBC\"}".getBytes(StandardCharsets.UTF_8);
        byte[] leaking = "{\"name\":\"林秀英\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(RecognitionAnswers.revealed(clean, secrets)).isEmpty();
        assertThat(RecognitionAnswers.revealed(leaking, secrets)).containsExactly("the name");
    }
}
