package org.w3id.ftkg.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

import org.apache.commons.io.function.IOConsumer;

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

    /** Writes {@code target} through a temporary sibling renamed over it: the file is whole or as it was. */
    public static void replaceFile(Path target, String prefix, IOConsumer<OutputStream> write) throws IOException {
        Path tmp = createFile(target.toAbsolutePath().getParent(), prefix, ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                write.accept(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String suffix() {
        return Long.toUnsignedString(RANDOM.nextLong(), 36);
    }
}
