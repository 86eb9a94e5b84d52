package org.sanyi.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {

    @TempDir
    Path folder;

    @Test
    void withoutAnArchiveTheServiceRecordsOneAtExit() throws Exception {
        Path application = application(Instant.parse("2026-12-07T00:00:00Z"));
        Path archive = folder.resolve("cds/referral-service.jsa");

        assertThat(ClassArchive.options(archive, application)).containsExactly("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive.getParent()).isDirectory();
    }

    @Test
    void anArchiveNewerThanTheApplicationIsUsed() throws Exception {
        Path application = application(Instant.parse("2026-12-07T00:00:00Z"));
        Path archive = archive(Instant.parse("2026-12-07T01:00:00Z"));

        assertThat(ClassArchive.options(archive, application))
                .containsExactly("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }

    @Test
    void anArchiveOlderThanAJarOfTheApplicationIsRecordedAgain() throws Exception {
        Path application = application(Instant.parse("2026-12-07T02:00:00Z"));
        Path archive = archive(Instant.parse("2026-12-07T01:00:00Z"));

        assertThat(ClassArchive.options(archive, application)).containsExactly("-XX:ArchiveClassesAtExit=" + archive);
        assertThat(archive).doesNotExist();
    }

    private Path application(Instant built) throws Exception {
        Path jar = Files.createDirectories(folder.resolve("app/lib/main")).resolve("service.jar");
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(built));
        return folder.resolve("app");
    }

    private Path archive(Instant recorded) throws Exception {
        Path archive = Files.createDirectories(folder.resolve("cds")).resolve("referral-service.jsa");
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.from(recorded));
        return archive;
    }
}
