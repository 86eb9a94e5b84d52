package org.sanyi.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The standards' own examples and test vectors (EPCIS, GS1, DICOM PS3.18, FHIR) live beside the project in
 * {@code ../shared/conformance}, never in the repository. A test reads them from there, or from the folder named by
 * {@code -Dsanyi.conformance.dir}, and is skipped with a message saying so where the folder is absent.
 */
public final class Conformance {

    public static final String DIRECTORY_PROPERTY = "sanyi.conformance.dir";

    private Conformance() {}

    /** The file or folder {@code relative} to the conformance folder; skips the calling test when it is missing. */
    public static Path file(String relative) {
        Path root = root();
        Path file = root == null ? null : root.resolve(relative);
        assumeTrue(
                file != null && Files.exists(file),
                () -> "Skipped: the conformance material " + relative + " is not at "
                        + (root == null ? "../shared/conformance (beside the project root)" : root)
                        + "; set -D" + DIRECTORY_PROPERTY + "=<folder> to run this test");
        return file;
    }

    private static Path root() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return Paths.get(configured);
        }
        // The project root is the nearest folder upwards with the Maven wrapper; conformance lies beside it.
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("services"))) {
                Path beside = dir.resolveSibling("shared").resolve("conformance");
                return Files.isDirectory(beside) ? beside : null;
            }
        }
        return null;
    }
}
