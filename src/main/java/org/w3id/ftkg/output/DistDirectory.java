package org.w3id.ftkg.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.files.TempPaths;

/**
 * Replaces an output folder as a whole: everything is written to a temporary sibling, then
 * swapped in by renames. A build that fails or is killed leaves the previous folder as it was;
 * a kill between the two renames is repaired by the next run ({@link #recover}). The folder is
 * created with the permissions the umask gives (0755 under umask 022), so others can serve it.
 */
public final class DistDirectory {
    @FunctionalInterface
    public interface Writer {
        void writeInto(Path dir) throws IOException;
    }

    private DistDirectory() {}

    /**
     * Replaces {@code dist} with what {@code writer} puts in a fresh folder. Refuses (with
     * {@link org.w3id.ftkg.files.RefusedOutputException}) a root, the home folder, a file, or a
     * non-empty folder without FTKG's marker; callers that know the project check it first with
     * {@link OutputGuard#folder}.
     */
    public static void replace(Path dist, Writer writer) throws IOException {
        Path target = dist.toAbsolutePath().normalize();
        OutputGuard.replaceable(target, "output folder");
        Path parent = target.getParent();
        Files.createDirectories(parent);
        recover(target);
        if (Files.exists(target) && !Files.isWritable(target))
            throw new AccessDeniedException(target.toString(), null, "output folder is not writable");
        Path tmp = TempPaths.createDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            writer.writeInto(tmp);
            OutputGuard.mark(tmp);
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
