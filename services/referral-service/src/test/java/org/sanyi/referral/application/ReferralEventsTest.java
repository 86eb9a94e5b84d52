package org.sanyi.referral.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sanyi.referral.domain.Attachment;
import org.sanyi.referral.domain.AttachmentKind;
import org.sanyi.referral.domain.Referral;

/** Attached exchange results travel as ids so the result service can let the receiver read them. */
class ReferralEventsTest {

    @Test
    void onlyLabAndExamReportsThatNameAnExchangeResultAreListed() {
        String lab = UUID.randomUUID().toString();
        String exam = UUID.randomUUID().toString();
        Referral referral = new Referral();
        referral.attachments = List.of(
                new Attachment(AttachmentKind.LAB_REPORT, lab, "血常规"),
                new Attachment(AttachmentKind.EXAM_REPORT, exam, "胸片"),
                new Attachment(AttachmentKind.LAB_REPORT, "his-report-0001", "a hospital's own report id"),
                new Attachment(AttachmentKind.IMAGING_STUDY, "1.2.840.113619.2.55.3", "CT"),
                new Attachment(AttachmentKind.LAB_REPORT, lab, "twice"));
        assertThat(ReferralEvents.attachedResultIds(referral)).containsExactly(lab, exam);
    }

    @Test
    void noAttachmentsNoIds() {
        assertThat(ReferralEvents.attachedResultIds(new Referral())).isEmpty();
    }
}
