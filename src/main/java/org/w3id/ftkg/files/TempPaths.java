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
import org.apache.commons.io.function.IOSupplier;

/** Temporary siblings of an output with the umask's permissions (not 0700/0600): a web server reads them in place. */
public final class TempPaths {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TempPaths() {}

    /** A new empty folder {@code parent/prefix<random>}. */
    public static Path createDirectory(Path parent, String prefix) throws IOException {
        return create(() -> Files.createDirectory(parent.resolve(prefix + random())));
    }

    private static Path create(IOSupplier<Path> attempt) throws IOException {
        while (true) {
            try {
                return attempt.get();
            } catch (FileAlreadyExistsException e) {
                // Another run picked the same name: draw again.
            }
        }
    }

    /** Writes {@code target} through a temporary sibling renamed over it: the file is whole or as it was. */
    public static void replaceFile(Path target, String prefix, IOConsumer<OutputStream> write) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = create(() -> Files.createFile(parent.resolve(prefix + random() + ".tmp")));
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                write.accept(out);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String random() {
        return Long.toUnsignedString(RANDOM.nextLong(), 36);
    }
}
