package org.sanyi.imaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Settings of the imaging service. */
@ConfigMapping(prefix = "sanyi.imaging")
public interface ImagingConfig {

    /** Zone of DICOM dates and times (DA/TM carry none) and of the statistics' months. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    Batch batch();

    Access access();

    Ticket ticket();

    Sources sources();

    interface Batch {
        /** Studies per request of POST /v1/study-batches and POST /v1/dicom-registrations. */
        @WithDefault("500")
        int maxSize();
    }

    interface Access {
        /** How long after its acceptance a referral lets its two institutions see the patient's studies. */
        @WithDefault("P180D")
        Period referralValidity();
    }

    interface Ticket {
        /** Lifetime of a retrieval ticket: long enough to open a viewer, short enough not to be passed on. */
        @WithDefault("PT5M")
        Duration lifetime();
    }

    interface Sources {
        /** Source PACS polled through their QIDO-RS, each as {@code CODE=DICOMweb base URL}. */
        Optional<List<String>> poll();

        @WithDefault("1m")
        Duration pollInterval();

        /**
         * How far before the latest study date seen a poll looks again: a study the PACS files later than this after
         * it was made is not found by polling (push it, or poll from scratch by deleting its source_poll row).
         */
        @WithDefault("P7D")
        Period lookback();
    }
}
