package org.w3id.ftkg.output;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.pipeline.Build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

/**
 * The dumps are read by a parser that is not Jena: raptor's {@code rapper}. In CI (CI=true) a
 * missing rapper fails the test, so the check cannot silently stop running.
 */
class IndependentParsersTest {
    @TempDir
    static Path tmp;
    static Path dist;
    static DatasetGraph data;

    @BeforeAll
    static void build() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        data = p.dataset();
        dist = tmp.resolve("dist");
        Build.of(p.dir()).intoDist(dist);
    }

    static boolean hasRapper() {
        try {
            return new ProcessBuilder("rapper", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static void requireRapper() {
        boolean ci = "true".equals(System.getenv("CI"));
        if (ci)
            assertTrue(hasRapper(), "rapper (Debian raptor2-utils) must be installed in CI");
        else
            assumeTrue(hasRapper(), "rapper not installed; .ci/run installs it");
    }

    /** Runs rapper and returns how many triples or quads it counted. */
    static long rapperCount(Path file, String syntax) throws Exception {
        Process p = new ProcessBuilder("rapper", "--count", "-i", syntax, file.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "rapper rejected " + file + ":\n" + out);
        var m = java.util.regex.Pattern.compile("returned (\\d+) (triples|statements)").matcher(out);
        assertTrue(m.find(), out);
        return Long.parseLong(m.group(1));
    }

    @Test
    void rapperParsesTheTurtleDump() throws Exception {
        requireRapper();
        // The flat dump may state a triple twice (once per graph that holds it): count statements as parsed.
        var parsed = org.apache.jena.riot.system.StreamRDFLib.count();
        org.apache.jena.riot.RDFParser.source(dist.resolve("ftkg.ttl")).parse(parsed);
        long jena = parsed.count();
        assertEquals(jena, rapperCount(dist.resolve("ftkg.ttl"), "turtle"));
    }

    @Test
    void rapperParsesTheNQuadsDump() throws Exception {
        requireRapper();
        Path nq = tmp.resolve("ftkg.nq");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dist.resolve("ftkg.nq.gz")));
             OutputStream out = Files.newOutputStream(nq)) {
            in.transferTo(out);
        }
        long quads = Iter.count(data.find());
        assertEquals(quads, rapperCount(nq, "nquads"));
    }

    @Test
    void rapperParsesTheTrigAndEveryPerSourceTurtle() throws Exception {
        requireRapper();
        assertEquals(Iter.count(data.find()), rapperCount(dist.resolve("ftkg.trig"), "trig"));
        try (var files = Files.list(dist.resolve("sources"))) {
            for (Path f : files.toList())
                assertTrue(rapperCount(f, "turtle") > 0, f.toString());
        }
        assertTrue(rapperCount(dist.resolve("void.ttl"), "turtle") > 0);
        assertTrue(rapperCount(dist.resolve("ontology.ttl"), "turtle") > 0);
    }
}
