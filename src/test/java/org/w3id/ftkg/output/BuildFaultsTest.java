package org.w3id.ftkg.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
