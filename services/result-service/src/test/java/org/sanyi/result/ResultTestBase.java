package org.sanyi.result;

import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.sanyi.directory.replica.DirectoryReplica;
import org.sanyi.directory.replica.testing.NingdeTestRegion;

/** Every result test needs the test region in the directory replica first. */
abstract class ResultTestBase {

    @Inject
    DirectoryReplica directory;

    @BeforeEach
    void publishRegion() throws Exception {
        NingdeTestRegion.ensurePublished(directory);
    }
}
