package org.sanyi.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Application class-data sharing (AppCDS) for a service: the JVM records the classes it loaded into an archive when it
 * exits ({@code -XX:ArchiveClassesAtExit}) and maps them from there on the next start ({@code -XX:SharedArchiveFile})
 * instead of reading, verifying and parsing them from the jars again. The first {@code up} after a build records; the
 * starts after it use the archive. An archive older than any file of the application is recorded again: the JVM would
 * refuse it anyway once a jar changed.
 */
final class ClassArchive {

    private ClassArchive() {}

    /** The JVM options for {@code archive} and the application copy it belongs to. */
    static List<String> options(Path archive, Path application) {
        if (isCurrent(archive, application)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        try {
            Files.createDirectories(archive.getParent());
            Files.deleteIfExists(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    static boolean isCurrent(Path archive, Path application) {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(application)) {
            FileTime recorded = Files.getLastModifiedTime(archive);
            return files.filter(Files::isRegularFile).allMatch(file -> {
                try {
                    return Files.getLastModifiedTime(file).compareTo(recorded) <= 0;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }
}
