package org.w3id.ftkg.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Temporary siblings of an output, created like {@link Files#createTempDirectory(Path, String)} and
 * {@link Files#createTempFile(Path, String, String)} but with the permissions the umask gives
 * (0755 and 0644 under umask 022) instead of 0700 and 0600: they are renamed into place as the
 * published output, which a web-server account must be able to read.
 */
public final class TempPaths {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempPaths() {}

    /** A new empty folder {@code parent/prefix<random>}, permissions from the umask. */
    public static Path createDirectory(Path parent, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(parent.resolve(prefix + suffix()));
            } catch (FileAlreadyExistsException e) {
                // Another run picked the same name: draw again.
            }
        }
    }

    /** A new empty file {@code parent/prefix<random>suffix}, permissions from the umask. */
    public static Path createFile(Path parent, String prefix, String suffix) throws IOException {
        while (true) {
            try {
                return Files.createFile(parent.resolve(prefix + suffix() + suffix));
            } catch (FileAlreadyExistsException e) {
                // Another run picked the same name: draw again.
            }
        }
    }

    private static String suffix() {
        return Long.toUnsignedString(RANDOM.nextLong(), 36);
    }
}
