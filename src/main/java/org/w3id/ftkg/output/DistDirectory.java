package org.w3id.ftkg.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.function.IOConsumer;
import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.files.TempPaths;

/**
 * Replaces an output folder whole: written to a temporary sibling and swapped in by renames, so a failed or killed
 * build leaves the previous one ({@link #recover} repairs a kill between renames). The umask gives permissions.
 */
public final class DistDirectory {
    private DistDirectory() {}

    /** Replaces {@code dist} with what {@code writer} puts in a fresh folder, if {@link OutputGuard#replaceable}. */
    public static void replace(Path dist, IOConsumer<Path> writer) throws IOException {
        Path target = dist.toAbsolutePath().normalize();
        OutputGuard.replaceable(target, "output folder");
        Path parent = target.getParent();
        Files.createDirectories(parent);
        recover(target);
        if (Files.exists(target) && !Files.isWritable(target))
            throw new AccessDeniedException(target.toString(), null, "output folder is not writable");
        Path tmp = TempPaths.createDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            writer.accept(tmp);
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
