package org.sanyi.referral;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.sanyi.directory.replica.DirectoryReplica;

/** Every referral test needs the fixture region in the directory replica first. */
abstract class ReferralTestBase {

    @Inject
    ObjectMapper mapper;

    @Inject
    DirectoryReplica directory;

    @BeforeEach
    void publishFixtureRegion() throws Exception {
        DirectoryFixture.ensurePublished(directory);
    }
}
