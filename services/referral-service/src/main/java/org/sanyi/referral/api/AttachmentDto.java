package org.sanyi.referral.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sanyi.referral.domain.Attachment;
import org.sanyi.referral.domain.AttachmentKind;

@Schema(
        name = "Attachment",
        description = "A result the receiver should see, by reference only: the document stays in its own service")
public record AttachmentDto(
        @NotNull AttachmentKind kind,
        @NotBlank
                @Size(max = 128)
                @Schema(
                        description = "Report id, or for IMAGING_STUDY the DICOM Study Instance UID",
                        example = "1.2.156.112605.14038013507.20260301.1")
                String reference,
        @Size(max = 200) @Schema(example = "头颅CT平扫") String description) {

    Attachment toAttachment() {
        return new Attachment(kind, reference, description);
    }

    static AttachmentDto of(Attachment attachment) {
        return new AttachmentDto(attachment.kind(), attachment.reference(), attachment.description());
    }
}
