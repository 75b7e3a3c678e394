package org.w3id.ftkg.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;

/**
 * Replaces an output folder as a whole: everything is written to a temporary sibling, then
 * swapped in by renames. A build that fails or is killed leaves the previous folder as it was;
 * a kill between the two renames is repaired by the next run ({@link #recover}).
 */
public final class DistDirectory {
    @FunctionalInterface
    public interface Writer {
        void writeInto(Path dir) throws IOException;
    }

    private DistDirectory() {}

    public static void replace(Path dist, Writer writer) throws IOException {
        Path target = dist.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        recover(target);
        if (Files.exists(target) && !Files.isWritable(target))
            throw new AccessDeniedException(target.toString(), null, "output folder is not writable");
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            writer.writeInto(tmp);
            Path previous = previous(target);
            if (Files.exists(target))
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            if (Files.exists(previous))
                PathUtils.deleteDirectory(previous);
        } catch (IOException | RuntimeException | Error e) {
            if (Files.exists(tmp))
                PathUtils.deleteDirectory(tmp);
            recover(target);
            throw e;
        }
    }

    /** Restores the previous folder if a run died between the two renames, and removes stale temporaries. */
    public static void recover(Path target) throws IOException {
        Path previous = previous(target);
        if (!Files.exists(target) && Files.exists(previous))
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
        else if (Files.exists(previous))
            PathUtils.deleteDirectory(previous);
        Path parent = target.getParent();
        String stale = "." + target.getFileName() + ".tmp-";
        try (Stream<Path> s = Files.list(parent)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(stale)).toList())
                PathUtils.deleteDirectory(p);
        }
    }

    private static Path previous(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".previous");
    }
}
