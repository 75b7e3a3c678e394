package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a request path to a file inside one folder, or nothing: a plain relative name ("a/b.ttl"), no "..",
 * absolute path, backslash, encoded or hidden segment, and its real path (links resolved) still inside the folder.
 */
final class FileRoutes {
    private FileRoutes() {}

    static Optional<Path> resolve(Path root, String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > 512)
            return Optional.empty();
        if (relative.contains("\\") || relative.contains("%") || relative.contains("\0") || relative.startsWith("/"))
            return Optional.empty();
        for (String seg : relative.split("/", -1))
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..") || seg.startsWith("."))
                return Optional.empty();
        try {
            Path base = root.toRealPath();
            Path p = base.resolve(relative).normalize();
            if (!p.startsWith(base) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                return Optional.empty();
            Path real = p.toRealPath();
            return real.startsWith(base) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
