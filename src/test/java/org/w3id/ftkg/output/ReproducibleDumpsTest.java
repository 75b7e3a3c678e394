package org.w3id.ftkg.output;

import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.pipeline.Build;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;

class ReproducibleDumpsTest {
    @TempDir
    Path tmp;

    private List<String> build(TestProject p, Path dist, Long epoch) throws Exception {
        return Build.of(p.dir()).sourceDateEpoch(epoch).intoDist(dist).files();
    }

    @Test
    void twoBuildsOfTheSameInputsAreByteIdentical() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        List<String> files = build(p, tmp.resolve("a"), 1700000000L);
        build(p, tmp.resolve("b"), 1700000000L);
        for (String f : files)
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
        assertTrue(Files.readString(tmp.resolve("a/void.ttl")).contains("2023-11-14T22:13:20Z"),
            "SOURCE_DATE_EPOCH is the only time recorded");
    }

    @Test
    void everyDumpParsesWithJenaAndHoldsTheSameData() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        Path dist = tmp.resolve("dist");
        build(p, dist, null);
        DatasetGraph trig = DatasetGraphFactory.create();
        RDFParser.source(dist.resolve("ftkg.trig")).parse(trig);
        DatasetGraph nq = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dist.resolve("ftkg.nq.gz")))) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(nq);
        }
        assertTrue(sameQuads(trig, nq), "TriG and N-Quads hold the same quads");
        DatasetGraph jsonld = DatasetGraphFactory.create();
        RDFParser.source(dist.resolve("ftkg.jsonld")).parse(jsonld);
        assertTrue(sameQuads(trig, jsonld), "JSON-LD holds the same quads");
        Model flat = RDFDataMgr.loadModel(dist.resolve("ftkg.ttl").toString());
        assertFalse(flat.isEmpty());
        for (String f : List.of("void.ttl", "ontology.ttl", "sources/004_40da1574111b49b3.ttl"))
            assertFalse(RDFDataMgr.loadModel(dist.resolve(f).toString()).isEmpty(), f);
        assertFalse(Files.readString(dist.resolve("ftkg.trig")).contains("_:"), "no blank nodes in the dumps");
    }

    private static boolean sameQuads(DatasetGraph a, DatasetGraph b) {
        long n = org.apache.jena.atlas.iterator.Iter.count(a.find());
        return n == org.apache.jena.atlas.iterator.Iter.count(b.find())
            && a.stream().allMatch(b::contains);
    }

    @Test
    void theVoidDescriptionGivesEachDumpItsSizeAndChecksum() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        Path dist = tmp.resolve("dist");
        build(p, dist, null);
        Model v = RDFDataMgr.loadModel(dist.resolve("void.ttl").toString());
        String q = """
            PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX spdx: <http://spdx.org/rdf/terms#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?file ?size ?sha ?license WHERE {
              ?d dcat:downloadURL ?url ; dcat:byteSize ?size ; dcterms:license ?license ;
                 spdx:checksum/spdx:checksumValue ?sha .
              BIND(STRAFTER(STR(?url), "https://w3id.org/ftkg/dumps/") AS ?file) }""";
        int n = 0;
        try (QueryExecution qe = QueryExecution.create(q, v)) {
            var rs = qe.execSelect();
            while (rs.hasNext()) {
                QuerySolution s = rs.next();
                Path f = dist.resolve(s.getLiteral("file").getString());
                assertEquals(Files.size(f), s.getLiteral("size").getLong(), f.toString());
                assertEquals(Sha256.of(f).sha256(), s.getLiteral("sha").getLexicalForm(), f.toString());
                assertEquals("https://creativecommons.org/licenses/by/4.0/", s.getResource("license").getURI());
                n++;
            }
        }
        assertEquals(11, n, "every dump but void.ttl itself and SHA256SUMS is described");
    }
}
