package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationCopyTest {

    @TempDir
    Path root;

    @Test
    void theCopyIsFreshAndABuildReplacingTheOriginalDoesNotTouchIt() throws Exception {
        Path built = root.resolve("services/a-service/target/quarkus-app");
        Files.createDirectories(built.resolve("lib/main"));
        Files.writeString(built.resolve(StackLayout.QUARKUS_RUN_JAR), "run v1");
        Files.writeString(built.resolve("lib/main/library.jar"), "library v1");
        Path copy = root.resolve(".sanyi/run/app/a-service");
        Files.createDirectories(copy);
        Files.writeString(copy.resolve("left-from-last-run.jar"), "stale");

        long bytes = ApplicationCopy.replace(built, copy);

        assertThat(bytes).isEqualTo("run v1".length() + "library v1".length());
        assertThat(copy.resolve("left-from-last-run.jar")).doesNotExist();
        assertThat(copy.resolve(StackLayout.QUARKUS_RUN_JAR)).hasContent("run v1");

        // What a rebuild does to target/: the service's own copy keeps the jars it was started with.
        ApplicationCopy.deleteTree(built);
        Files.createDirectories(built.resolve("lib/main"));
        Files.writeString(built.resolve("lib/main/library.jar"), "library v2");

        assertThat(copy.resolve("lib/main/library.jar")).hasContent("library v1");
    }

    @Test
    void servicesRunFromTheCopyInTheRunFolder() {
        StackLayout layout = new StackLayout(root);

        assertThat(layout.serviceApplicationCopy("referral-service"))
                .isEqualTo(root.toAbsolutePath().resolve(".sanyi/run/app/referral-service"));
        assertThat(layout.serviceRunJar("referral-service"))
                .isEqualTo(
                        root.toAbsolutePath().resolve("services/referral-service/target/quarkus-app/quarkus-run.jar"));
    }
}
