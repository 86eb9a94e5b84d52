package org.sanyi.imaging.api.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sanyi.imaging.infrastructure.dicom.DicomTag;
import org.sanyi.platform.problem.ApiProblem;

class QidoQueryTest {

    @Test
    void dateRangesFollowPs318() {
        assertThat(QidoQuery.dateRange("20260101")).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1));
        assertThat(QidoQuery.dateRange("20260101-20261231"))
                .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(QidoQuery.dateRange("20260101-")).containsExactly(LocalDate.of(2026, 1, 1), null);
        assertThat(QidoQuery.dateRange("-20261231")).containsExactly(null, LocalDate.of(2026, 12, 31));
        for (String bad : new String[] {"-", "2026", "20261301", "20261231-20260101", "20260101--20260102"}) {
            assertThatThrownBy(() -> QidoQuery.dateRange(bad)).as(bad).isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void wildcardsBecomeLikePatternsWithLikesOwnCharactersEscaped() {
        assertThat(QidoQuery.likePattern("*CT?head*")).isEqualTo("%CT_head%");
        assertThat(QidoQuery.likePattern("100%_sure\\")).isEqualTo("100\\%\\_sure\\\\");
    }

    @Test
    void keysAreReadByKeywordOrTagAndIncludefieldAllWins() {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        parameters.add("00080061", "CT");
        parameters.add("AccessionNumber", "A1");
        parameters.add("includefield", "00081030,all");
        QidoQuery query = QidoQuery.parse(parameters, false, null);
        assertThat(query.filter().modalities()).containsExactly("CT");
        assertThat(query.filter().accessionNumber()).isEqualTo("A1");
        assertThat(query.matched()).contains(DicomTag.MODALITIES_IN_STUDY, DicomTag.ACCESSION_NUMBER);
        assertThat(query.includeAll()).isTrue();
        assertThat(query.limit()).isEqualTo(QidoQuery.DEFAULT_LIMIT);

        MultivaluedHashMap<String, String> seriesKeyAtStudyLevel = new MultivaluedHashMap<>();
        seriesKeyAtStudyLevel.add("Modality", "CT");
        assertThatThrownBy(() -> QidoQuery.parse(seriesKeyAtStudyLevel, false, null))
                .isInstanceOf(ApiProblem.class);
        assertThat(QidoQuery.parse(seriesKeyAtStudyLevel, true, null).filter().seriesModality())
                .isEqualTo("CT");
    }
}
