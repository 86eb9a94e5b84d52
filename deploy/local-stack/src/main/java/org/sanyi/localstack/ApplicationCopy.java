package org.sanyi.localstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Copies a built Quarkus application ({@code target/quarkus-app}) to where the service runs from. A running Quarkus
 * service whose jars are replaced by a build can hang for good (docs/benchmarks.md, finding 2); its own copy is never
 * touched by a build.
 */
final class ApplicationCopy {

    private ApplicationCopy() {}

    /** Replaces {@code destination} with a fresh copy of {@code builtApplication}; returns the bytes copied. */
    static long replace(Path builtApplication, Path destination) throws IOException {
        deleteTree(destination);
        Files.createDirectories(destination.getParent());
        long[] bytes = {0};
        Files.walkFileTree(builtApplication, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Files.createDirectories(destination.resolve(
                        builtApplication.relativize(directory).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.copy(
                        file,
                        destination.resolve(builtApplication.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
                bytes[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
