package org.w3id.ftkg.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.io.file.PathUtils;

/** Where FTKG may write: a wrong {@code --dist} would be deleted. Paths are compared with their links resolved. */
public final class OutputGuard {
    /** Written into every folder FTKG replaces as a whole: only a folder holding it may be replaced. */
    public static final String MARKER = ".ftkg-output";

    /** The project's input folders: never written, never inside or around an output. */
    public static final List<String> INPUTS = List.of("data", "seeds", "ontology", "queries", "fuseki-config");

    private static final String MARKER_TEXT = "This folder was written by FTKG, which replaces it as a whole at the next build.\n";

    private OutputGuard() {}

    /** Checks a folder about to be replaced as a whole ({@code option} names it in the message, e.g. --dist). */
    public static void folder(Path project, Path target, String option) throws IOException {
        Path t = real(target);
        notRootOrHome(t, target, option);
        Path p = real(project);
        if (t.equals(p))
            throw refused(option, target, "it is the project folder");
        if (p.startsWith(t))
            throw refused(option, target, "it contains the project folder " + p);
        for (String name : INPUTS) {
            Path in = real(p.resolve(name));
            if (t.startsWith(in))
                throw refused(option, target, "it " + (t.equals(in) ? "is" : "lies inside") + " the project's input folder " + name + "/");
            if (in.startsWith(t))
                throw refused(option, target, "it contains the project's input folder " + name + "/ (" + in + ")");
        }
        replaceable(target, option);
    }

    /** Checks a folder about to be replaced, whatever the project: not a root or home, and empty or FTKG's own. */
    public static void replaceable(Path target, String option) throws IOException {
        Path t = real(target);
        notRootOrHome(t, target, option);
        if (Files.exists(t) && !Files.isDirectory(t))
            throw refused(option, target, "it is a file, not a folder");
        if (Files.isDirectory(t) && !Files.exists(t.resolve(MARKER)) && !PathUtils.isEmptyDirectory(t))
            throw refused(option, target, "it is a folder that FTKG did not write (it holds files but no " + MARKER
                + " marker), and writing there would delete them. Choose a new or empty folder; if it is the output of "
                + "an older FTKG, delete it yourself first");
    }

    /** Checks a file about to be replaced ({@code export -o}): not a folder, not a root, not one of the project's inputs. */
    public static void file(Path project, Path target, String option) throws IOException {
        Path t = real(target);
        if (t.getParent() == null)
            throw refused(option, target, "it is the root of a file system");
        if (Files.isDirectory(t))
            throw refused(option, target, "it is a folder, not a file");
        Path p = real(project);
        for (String name : INPUTS) {
            Path in = real(p.resolve(name));
            if (t.startsWith(in))
                throw refused(option, target, "it lies inside the project's input folder " + name + "/");
        }
    }

    /** Checks that two outputs do not overlap (one would replace or swallow the other). */
    public static void separate(Path a, String optionA, Path b, String optionB) throws IOException {
        Path ra = real(a);
        Path rb = real(b);
        if (ra.startsWith(rb) || rb.startsWith(ra))
            throw refused(optionB, b, "it overlaps " + optionA + " " + a + "; the two outputs must be separate folders");
    }

    /** Marks a folder as written by FTKG (the last file written, so a partial folder is never marked). */
    public static void mark(Path dir) throws IOException {
        Files.writeString(dir.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
    }

    private static void notRootOrHome(Path t, Path target, String option) {
        if (t.getParent() == null)
            throw refused(option, target, "it is the root of a file system");
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank()) {
            Path h = real(Path.of(home));
            if (t.equals(h))
                throw refused(option, target, "it is your home folder");
            if (h.startsWith(t))
                throw refused(option, target, "it contains your home folder");
        }
    }

    /** The absolute path with every symbolic link in its existing part resolved. */
    static Path real(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing))
            existing = existing.getParent();
        if (existing == null)
            return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    private static RefusedOutputException refused(String option, Path target, String why) {
        return new RefusedOutputException("refusing " + option + " " + target + ": " + why + ".");
    }
}
