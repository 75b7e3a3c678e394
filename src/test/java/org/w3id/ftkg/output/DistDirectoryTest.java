package org.w3id.ftkg.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.files.RefusedOutputException;
import org.junit.jupiter.api.io.TempDir;

class DistDirectoryTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedWriteLeavesThePreviousFolderExactlyAsItWas() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "old"));
        assertThrows(IOException.class, () -> DistDirectory.replace(dist, d -> {
            Files.writeString(d.resolve("a.txt"), "half");
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(dist.resolve("a.txt")));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary folder is left behind");
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheWholeFolder() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("stale.txt"), "x"));
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("new.txt"), "y"));
        assertFalse(Files.exists(dist.resolve("stale.txt")));
        assertEquals("y", Files.readString(dist.resolve("new.txt")));
    }

    @Test
    void aRunKilledBetweenTheRenamesIsRepairedByTheNext() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "old"));
        // Simulate a kill after the first rename: only the previous copy and a temporary exist.
        Files.move(dist, tmp.resolve(".dist.previous"));
        Files.createDirectories(tmp.resolve(".dist.tmp-123"));
        DistDirectory.recover(dist);
        assertEquals("old", Files.readString(dist.resolve("a.txt")));
        assertFalse(Files.exists(tmp.resolve(".dist.tmp-123")));
        assertTrue(Files.isDirectory(dist));
    }

    @Test
    void aNonEmptyFolderWithoutTheMarkerIsNeverReplaced() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("thesis.tex"), "years of work");
        var e = assertThrows(RefusedOutputException.class, () -> DistDirectory.replace(foreign, d -> Files.writeString(d.resolve("a.txt"), "x")));
        assertTrue(e.getMessage().contains("FTKG did not write"), e.getMessage());
        assertEquals("years of work", Files.readString(foreign.resolve("thesis.tex")));
        assertFalse(Files.exists(foreign.resolve("a.txt")));
    }

    @Test
    void aFileSystemRootIsRefusedNotAnNpe() {
        var e = assertThrows(RefusedOutputException.class, () -> DistDirectory.replace(Path.of("/"), d -> {}));
        assertTrue(e.getMessage().contains("root of a file system"), e.getMessage());
    }

    @Test
    void everyFolderWrittenCarriesTheMarkerSoItCanBeReplacedAgain() throws Exception {
        Path dist = tmp.resolve("dist");
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "one"));
        assertTrue(Files.isRegularFile(dist.resolve(OutputGuard.MARKER)));
        DistDirectory.replace(dist, d -> Files.writeString(d.resolve("a.txt"), "two"));
        assertEquals("two", Files.readString(dist.resolve("a.txt")));
    }

    /** Builds (dumps and TDB2) and exports in a JVM started under {@code umask}, as a deployment would. */
    private static void buildUnderUmask(String umask, Path project, Path dist, Path db, Path export) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cli = "'" + javaBin + "' -cp \"$CP\" " + Main.class.getName() + " ";
        String script = "umask " + umask + " && " + cli + "build --project \"$1\" --dist \"$2\" --tdb2 \"$3\" && "
            + cli + "export --project \"$1\" -f nquads -o \"$4\"";
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script, "sh", project.toString(), dist.toString(), db.toString(),
            export.toString()).redirectErrorStream(true);
        pb.environment().put("CP", System.getProperty("java.class.path"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    /** Every folder and file under {@code root} (itself included) whose permissions are not the expected ones. */
    private static List<String> wrongPermissions(Path root, String folders, String files) throws IOException {
        try (var s = Files.walk(root)) {
            return s.filter(f -> {
                try {
                    String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                    return !perms.equals(Files.isDirectory(f) ? folders : files);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(f -> {
                try {
                    return f + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(f));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void underUmask022OutputsAreReadableByOthers() throws Exception {
        var project = TestProject.fixture(tmp, "mini");
        Path dist = tmp.resolve("www/dist");
        Path db = tmp.resolve("www/db");
        Path export = tmp.resolve("www/ftkg.nq");
        buildUnderUmask("022", project.dir(), dist, db, export);
        assertEquals(List.of(), wrongPermissions(dist, "rwxr-xr-x", "rw-r--r--"), "dist/: folders 0755, files 0644");
        assertEquals(List.of(), wrongPermissions(db, "rwxr-xr-x", "rw-r--r--"), "TDB2: folders 0755, files 0644");
        assertEquals(List.of(), wrongPermissions(export, "rwxr-xr-x", "rw-r--r--"), "export -o: 0644");
    }

    @Test
    void underUmask077OutputsStayPrivate() throws Exception {
        var project = TestProject.fixture(tmp, "mini");
        Path dist = tmp.resolve("www/dist");
        Path db = tmp.resolve("www/db");
        Path export = tmp.resolve("www/ftkg.nq");
        buildUnderUmask("077", project.dir(), dist, db, export);
        assertEquals(List.of(), wrongPermissions(dist, "rwx------", "rw-------"), "the umask is followed");
        assertEquals(List.of(), wrongPermissions(db, "rwx------", "rw-------"));
        assertEquals(List.of(), wrongPermissions(export, "rwx------", "rw-------"));
    }
}
