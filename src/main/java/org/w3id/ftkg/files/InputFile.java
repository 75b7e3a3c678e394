package org.w3id.ftkg.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

/** Every input is a regular file in its folder or a link to one beside it: no {@code /etc/passwd}, no hanging pipe. */
public final class InputFile {
    private InputFile() {}

    /** Why {@code file} may not be read as an input of {@code folder}, or empty if it may; a missing file is {@code "is missing"}. */
    public static Optional<String> problem(Path folder, Path file) {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.of("is missing");
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        if (own.isSymbolicLink()) {
            try {
                Path target = file.toRealPath();
                Path home = folder.toRealPath();
                if (!home.equals(target.getParent()))
                    return Optional.of("is a symbolic link to " + target + ", outside " + folder.getFileName()
                        + "/; only files inside the folder are read");
                return kind(target).map(k -> "is a symbolic link to " + k + ", not to a regular file");
            } catch (NoSuchFileException e) {
                return Optional.of("is a symbolic link to nothing (a broken link)");
            } catch (IOException e) {
                return Optional.of("is a symbolic link that cannot be followed: " + e.getMessage());
            }
        }
        return kind(file).map(k -> "is " + k + ", not a regular file");
    }

    /** True if {@code file} may be read; otherwise adds a problem located at {@code rel} ("rel: file is a named pipe…"). */
    public static boolean check(Path folder, Path file, String rel, Problems problems) {
        Optional<String> p = problem(folder, file);
        p.ifPresent(why -> problems.add(Location.ofFile(rel), "file " + why));
        return p.isEmpty();
    }

    /** The RDF graph of an input file, or empty (with a problem) if it may not be read or cannot be parsed. */
    public static Optional<Graph> rdf(Path project, String rel, String what, Problems problems) {
        Path file = project.resolve(rel);
        if (!check(file.getParent(), file, rel, problems))
            return Optional.empty();
        try {
            return Optional.of(RDFParser.source(file).toGraph());
        } catch (RiotException e) {
            problems.add(Location.ofFile(rel), "cannot parse " + what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** What a non-regular file is ("a named pipe (FIFO)", "a folder"…), or empty for a regular file. */
    private static Optional<String> kind(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? Optional.empty() : Optional.of(a.isDirectory() ? "a folder" : special(file));
        } catch (IOException e) {
            return Optional.of("an unreadable file (" + e.getMessage() + ")");
        }
    }

    /** Names a special file from its Unix mode bits where the file system has them. */
    private static String special(Path file) {
        try {
            return switch ((Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
