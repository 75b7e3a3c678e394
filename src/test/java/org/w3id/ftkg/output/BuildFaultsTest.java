package org.w3id.ftkg.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;

/**
 * Faults during a build: a process killed with SIGKILL at many points, a full disk, an output
 * folder that cannot be created. Each time dist/ is what it was before (or the finished new
 * build), nothing half-written is visible, and the next build succeeds.
 */
class BuildFaultsTest {
    @TempDir
    Path tmp;

    /** A fingerprint of a folder: every relative path with the SHA-256 of its bytes. */
    static String digest(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            return "(missing)";
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList())
                b.append(dir.relativize(f)).append(' ').append(DigestUtils.sha256Hex(Files.readAllBytes(f))).append('\n');
        }
        return b.toString();
    }

    static Process startBuild(Path project) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "build", "--project", project.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("SOURCE_DATE_EPOCH", "1700000000");
        return pb.start();
    }

    static int build(Path project) throws Exception {
        Process p = startBuild(project);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a build finishes");
        return p.exitValue();
    }

    static void leftovers(Path project) throws IOException {
        try (Stream<Path> s = Files.list(project)) {
            List<String> names = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".dist")).toList();
            assertEquals(List.of(), names, "no temporary or previous copy is left behind");
        }
    }

    @Test
    void aBuildKilledAtAnyPointLeavesDistAsItWasAndTheNextBuildSucceeds() throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        Path dist = project.resolve("dist");
        // Two variants of the data, so that every build really changes dist/.
        String facts = "data/facts/004_40da1574111b49b3.yaml";
        String variantA = project.read(facts);
        String variantB = variantA.replace("Release of Rafael Caro Quintero from prison (2013)",
            "Release of Rafael Caro Quintero from prison in 2013");
        assertTrue(!variantA.equals(variantB));

        project.write(facts, variantB);
        assertEquals(0, build(project.dir()));
        String expectedB = digest(dist);
        project.write(facts, variantA);
        long started = System.nanoTime();
        assertEquals(0, build(project.dir()));
        long fullBuildMillis = (System.nanoTime() - started) / 1_000_000;
        String expectedA = digest(dist);
        assertTrue(!expectedA.equals(expectedB));

        int kills = 0;
        for (int i = 0; i < 10; i++) {
            boolean toB = i % 2 == 0;
            String before = digest(dist);
            project.write(facts, toB ? variantB : variantA);
            Process p = startBuild(project.dir());
            // Kill points spread over the whole run, from JVM start-up to the final renames.
            long delay = fullBuildMillis * (i + 1) / 11;
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                kills++;
            }
            String after = digest(dist);
            assertTrue(after.equals(before) || after.equals(toB ? expectedB : expectedA),
                "kill " + i + " after " + delay + " ms left dist/ neither as before nor as the finished build");
        }
        assertTrue(kills >= 5, "most runs were really killed (" + kills + ")");
        project.write(facts, variantA);
        assertEquals(0, build(project.dir()));
        assertEquals(expectedA, digest(dist));
        leftovers(project.dir());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAClearErrorAndChangesNothing() throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        Files.writeString(project.resolve("not-a-folder"), "x");
        var err = new java.io.ByteArrayOutputStream();
        var saved = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run("build", "--project", project.dir().toString(), "--dist", project.resolve("not-a-folder/dist").toString());
        } finally {
            System.setErr(saved);
        }
        assertEquals(Main.IO_FAILURE, code);
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("not-a-folder") && msg.contains("previous output was left as it was"), msg);
        assertEquals("x", Files.readString(project.resolve("not-a-folder")));
    }

    @Test
    void aFullDiskIsAClearErrorAndLosesNothing() throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        assertEquals(0, build(project.dir()));
        String before = digest(project.resolve("dist"));
        long size;
        try (Stream<Path> s = Files.walk(project.resolve("dist"))) {
            size = s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        // A small file system (tmpfs) that holds one copy of dist/ but not a second one beside it.
        Path small = Files.createDirectories(tmp.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + (size * 3 / 2 / 1024 + 64) + "k", "tmpfs", small.toString())
            .redirectErrorStream(true).start();
        boolean mounted = mount.waitFor(10, TimeUnit.SECONDS) && mount.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "mounting a small tmpfs needs root (CAP_SYS_ADMIN); .ci/run has it");
        try {
            Path dist = small.resolve("dist");
            org.apache.commons.io.file.PathUtils.copyDirectory(project.resolve("dist"), dist);
            project.edit("data/facts/004_40da1574111b49b3.yaml", s -> s.replace("(2013)", "in 2013"));
            var err = new java.io.ByteArrayOutputStream();
            var saved = System.err;
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = Main.run("build", "--project", project.dir().toString(), "--dist", dist.toString());
            } finally {
                System.setErr(saved);
            }
            String msg = err.toString(StandardCharsets.UTF_8);
            assertEquals(Main.IO_FAILURE, code, msg);
            assertTrue(msg.contains("disk is full") && msg.contains("previous output was left as it was"), msg);
            assertEquals(before, digest(dist), "the previous dist/ is intact");
            try (Stream<Path> s = Files.list(small)) {
                assertEquals(Set.of("dist"), Set.copyOf(s.map(p -> p.getFileName().toString()).toList()), "the partial copy was removed");
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A fingerprint of everything under a folder, links and dot-files included. */
    static String tree(Path dir) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                b.append(dir.relativize(f));
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    b.append(' ').append(DigestUtils.sha256Hex(Files.readAllBytes(f)));
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Runs the CLI in a JVM of its own, in {@code cwd}, with {@code home} as its home folder; returns exit code and output. */
    static Map.Entry<Integer, String> cli(Path cwd, Path home, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command finishes");
        return Map.entry(p.exitValue(), out);
    }

    private static Map.Entry<Integer, String> inProcess(String... args) {
        var out = new java.io.StringWriter();
        var err = new java.io.StringWriter();
        int code = Main.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
        return Map.entry(code, out + "" + err);
    }

    private static void assertRefused(Map.Entry<Integer, String> r, String option, String why) {
        assertEquals(Main.USAGE, r.getKey(), r.getValue());
        assertTrue(r.getValue().contains("refusing " + option) && r.getValue().contains(why), r.getValue());
        assertTrue(!r.getValue().contains("Exception") && !r.getValue().contains("\tat "), "no stack trace: " + r.getValue());
    }

    @Test
    void aDistThatIsContainsOrLiesInsideTheProjectsInputsIsRefusedAndDeletesNothing() throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        Path dir = project.dir();
        Files.createSymbolicLink(tmp.resolve("link-to-seeds"), dir.resolve("seeds"));
        String before = tree(dir);
        String p = dir.toString();
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put(p, "it is the project folder");
        cases.put(dir.resolve("data/..").toString(), "it is the project folder");
        cases.put(tmp.toString(), "it contains the project folder");
        for (String input : List.of("data", "seeds", "ontology", "queries", "fuseki-config"))
            cases.put(dir.resolve(input).toString(), "it is the project's input folder " + input + "/");
        cases.put(dir.resolve("data/facts").toString(), "it lies inside the project's input folder data/");
        cases.put(dir.resolve("seeds/new-output").toString(), "it lies inside the project's input folder seeds/");
        cases.put(tmp.resolve("link-to-seeds").toString(), "it is the project's input folder seeds/");
        for (var c : cases.entrySet()) {
            assertRefused(inProcess("build", "--project", p, "--dist", c.getKey()), "--dist", c.getValue());
            assertRefused(inProcess("build", "--project", p, "--tdb2", c.getKey()), "--tdb2", c.getValue());
            assertRefused(inProcess("build", "--project", p, "--dist", c.getKey()), "--dist", c.getValue());
        }
        assertEquals(before, tree(dir), "the project is untouched");
    }

    @Test
    void aDistInTheWorkingFolderOrTheHomeFolderIsRefusedInARealRun() throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".profile"), "keep me");
        String before = tree(tmp);
        // The probes exactly as typed: "build --dist ." in the project, "--dist ~" with a home folder.
        assertRefused(cli(project.dir(), home, "build", "--dist", "."), "--dist", "it is the project folder");
        assertRefused(cli(project.dir(), home, "build", "--project", ".", "--dist", "seeds"), "--dist", "input folder seeds/");
        assertRefused(cli(project.dir(), home, "build", "--dist", home.toString()), "--dist", "it is your home folder");
        assertRefused(cli(project.dir(), home, "build", "--dist", tmp.toString()), "--dist", "contains");
        assertEquals(before, tree(tmp), "nothing was written or deleted");
    }

    @Test
    void aRootAFileOrAForeignFolderIsRefusedWithExitTwoNotAStackTrace() throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        String p = project.dir().toString();
        Path foreign = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(foreign.resolve("holiday.jpg"), "precious");
        Path file = Files.writeString(tmp.resolve("notes.txt"), "notes");
        assertRefused(inProcess("build", "--project", p, "--dist", "/"), "--dist", "it is the root of a file system");
        assertRefused(inProcess("build", "--project", p, "--tdb2", "/"), "--tdb2", "it is the root of a file system");
        assertRefused(inProcess("build", "--project", p, "--dist", foreign.toString()), "--dist", "FTKG did not write");
        assertRefused(inProcess("build", "--project", p, "--tdb2", foreign.toString()), "--tdb2", "FTKG did not write");
        assertRefused(inProcess("build", "--project", p, "--dist", file.toString()), "--dist", "it is a file");
        assertRefused(inProcess("build", "--project", p, "--tdb2", project.resolve("dist").toString()), "--tdb2", "overlaps --dist");
        assertRefused(inProcess("build", "--project", p, "--tdb2", project.resolve("dist/db").toString()), "--tdb2", "overlaps --dist");
        assertRefused(inProcess("export", "--project", p, "-f", "trig", "-o", "/"), "--output", "it is the root of a file system");
        assertRefused(inProcess("export", "--project", p, "-f", "trig", "-o", foreign.toString()), "--output", "it is a folder");
        assertRefused(inProcess("export", "--project", p, "-f", "trig", "-o", project.resolve("seeds/SHA256SUMS").toString()),
            "--output", "input folder seeds/");
        assertRefused(inProcess("export", "--project", p, "-f", "trig", "-o", project.resolve("data/facts/new.yaml").toString()),
            "--output", "input folder data/");
        // The review file of link: refused before any request is sent (the endpoint below is never reached).
        assertRefused(inProcess("link", "--project", p, "--endpoint", "http://127.0.0.1:9/sparql", "--output", "/"),
            "--output", "it is the root of a file system");
        assertRefused(inProcess("link", "--project", p, "--endpoint", "http://127.0.0.1:9/sparql", "--output",
            project.resolve("data/entities/mini.yaml").toString()), "--output", "input folder data/");
        assertEquals("precious", Files.readString(foreign.resolve("holiday.jpg")));
        assertEquals("notes", Files.readString(file));
        assertTrue(!Files.exists(project.resolve("data/facts/new.yaml")));
    }

    @Test
    void aFolderFtkgWroteIsReplacedAgainAndCarriesItsMarker() throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        String p = project.dir().toString();
        Path out = tmp.resolve("out");
        Path db = tmp.resolve("db");
        assertEquals(0, inProcess("build", "--project", p, "--dist", out.toString(), "--tdb2", db.toString()).getKey());
        assertTrue(Files.isRegularFile(out.resolve(org.w3id.ftkg.files.OutputGuard.MARKER)));
        assertTrue(Files.isRegularFile(db.resolve(org.w3id.ftkg.files.OutputGuard.MARKER)));
        var again = inProcess("build", "--project", p, "--dist", out.toString(), "--tdb2", db.toString());
        assertEquals(0, again.getKey(), again.getValue());
        // An empty folder is free to use.
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, inProcess("build", "--project", p, "--dist", empty.toString()).getKey());
    }
}
