package org.sanyi.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Folders and files only their owner may read ({@code .sanyi}, its keys and logs). Existing ones that are looser are
 * tightened, and the caller gets a line saying so. On a file system without POSIX permissions nothing can be
 * restricted; {@link #unprotectedNote} says so once.
 */
final class PrivateFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static Optional<String> unprotectedNote(Path directory) {
        return isPosix()
                ? Optional.empty()
                : Optional.of("This file system has no POSIX permissions: " + directory
                        + " cannot be restricted to you; keep it in a folder only you can read.");
    }

    /**
     * Creates the folder (and missing parents) as {@code rwx------}, or tightens an existing one.
     *
     * @return a line naming the looser permissions the folder had, if it had any
     */
    static Optional<String> ensureDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            if (isPosix()) {
                Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
            }
            return Optional.empty();
        }
        return tighten(directory, OWNER_ONLY_DIRECTORY);
    }

    /** Tightens an existing file to {@code rw-------}; a line naming its looser permissions, if it had any. */
    static Optional<String> tightenFile(Path file) throws IOException {
        return tighten(file, OWNER_ONLY_FILE);
    }

    /**
     * Writes {@code content} to {@code file} unless the file exists, atomically: through a temporary file of a
     * unique name in the same folder, created {@code rw-------}, then linked into place. Two invocations racing to
     * create the same key therefore never clash on a temporary name, and exactly one of them wins.
     *
     * @return whether this call created the file (false: another one had, and its content stays)
     */
    static boolean writeIfAbsent(Path file, String content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = isPosix()
                ? Files.createTempFile(
                        folder, file.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            try {
                // A hard link fails if the target exists, so an existing file is never replaced.
                Files.createLink(file, temporary);
            } catch (UnsupportedOperationException e) {
                Files.move(temporary, file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Optional<String> tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!isPosix()) {
            return Optional.empty();
        }
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> extra = new java.util.HashSet<>(actual);
        extra.removeAll(wanted);
        if (extra.isEmpty()) {
            return Optional.empty();
        }
        Files.setPosixFilePermissions(path, wanted);
        return Optional.of("Tightened " + path + " from " + PosixFilePermissions.toString(actual) + " to "
                + PosixFilePermissions.toString(wanted) + ": it was open to other users.");
    }
}
