package org.w3id.ftkg.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.provenance.FactHash;
import org.w3id.ftkg.cli.Main;

/**
 * Two releases of a small corpus: between them one fact is added, one changed (a new quote) and
 * one removed. The diff says exactly that, as an RDF Patch and as a changelog; the patch turns the
 * old dataset into the new one; fact hashes hold and change only for the changed fact; and
 * {@code release --verify} accepts an untouched release and rejects one with a changed byte.
 */
class ReleaseTest {
    private static final String ADDED = TwoReleases.ADDED;
    private static final String CHANGED = TwoReleases.CHANGED;
    private static final String REMOVED = TwoReleases.REMOVED;
    private static final String OLD_QUOTE = TwoReleases.OLD_QUOTE;
    private static final String NEW_QUOTE = TwoReleases.NEW_QUOTE;

    @TempDir
    Path tmp;
    TestProject project;
    Path releases;

    private static TwoReleases.Run ftkg(String... args) {
        return TwoReleases.ftkg(args);
    }

    @BeforeEach
    void twoReleases() {
        TwoReleases two = TwoReleases.make(tmp);
        project = two.project();
        releases = two.releases();
        assertTrue(two.secondOut().contains("(1 added, 1 removed, 1 changed since 1.0)"), two.secondOut());
    }

    private Path release(String v) {
        return releases.resolve(v);
    }

    private static DatasetGraph dataset(Path release) throws Exception {
        return ReleaseFolder.load(release.resolve("dumps/ftkg.nq.gz"));
    }

    private static Set<String> quads(DatasetGraph dsg) {
        Set<String> out = new TreeSet<>();
        dsg.find().forEachRemaining(q -> out.add(org.apache.jena.riot.out.NodeFmtLib.strNQ(q)));
        return out;
    }

    private static Map<String, String> hashes(Path release) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (String line : Files.readAllLines(release.resolve(ReleaseFolder.HASHES)))
            out.put(line.split("\t")[0], line.split("\t")[1]);
        return out;
    }

    /** The items of one "## Section" of the changelog. */
    private static List<String> section(String changelog, String title, String itemPrefix) {
        String body = changelog.substring(changelog.indexOf("## " + title));
        int next = body.indexOf("\n## ", 3);
        body = next < 0 ? body : body.substring(0, next);
        return body.lines().filter(l -> l.startsWith(itemPrefix)).toList();
    }

    @Test
    void theChangelogListsExactlyTheAddedTheChangedAndTheRemovedFact() throws Exception {
        String log = Files.readString(release("2.0").resolve(ReleaseFolder.CHANGELOG));
        List<String> added = section(log, "Added", "- "), removed = section(log, "Removed", "- "), changed = section(log, "Changed", "### ");
        assertEquals(1, added.size(), log);
        assertTrue(added.get(0).startsWith("- [`" + ADDED + "`](https://w3id.org/ftkg/fact/" + ADDED + ")"), log);
        assertEquals(1, removed.size(), log);
        assertTrue(removed.get(0).contains("`" + REMOVED + "`") && removed.get(0).contains("last in release 1.0"), log);
        assertEquals(1, changed.size(), log);
        assertTrue(changed.get(0).contains("`" + CHANGED + "`"), log);
        // The changed quote and its offsets, old next to new.
        assertTrue(log.contains("| quote | «" + OLD_QUOTE + "» | «" + NEW_QUOTE + "» |"), log);
        Matcher offsets = Pattern.compile("\\| offsets \\| \\[(\\d+), (\\d+)\\) \\| \\[(\\d+), (\\d+)\\) \\|").matcher(log);
        assertTrue(offsets.find(), log);
        assertEquals(offsets.group(1), offsets.group(3), "the same start");
        assertEquals(OLD_QUOTE.length() - NEW_QUOTE.length(),
            Integer.parseInt(offsets.group(2)) - Integer.parseInt(offsets.group(4)), "the end moves by the words dropped");
    }

    @Test
    void thePatchTouchesExactlyThoseFactsAndTurnsTheOldDatasetIntoTheNewOne() throws Exception {
        Path patchFile = release("2.0").resolve(ReleaseFolder.PATCH);
        // Facts whose graph or quote the patch changes (what a fact hash covers). Other provenance moves
        // too (the build activity, the curation line of facts below an edit) and is in the patch as well.
        Set<String> facts = new TreeSet<>();
        Pattern inFactGraph = Pattern.compile("<https://w3id\\.org/ftkg/fact/([^>#]+)> \\.$");
        Pattern quoteOf = Pattern.compile("^[AD] <https://w3id\\.org/ftkg/fact/([^>#]+)> <http://www\\.w3\\.org/ns/prov#value> ");
        for (String line : Files.readAllLines(patchFile, StandardCharsets.UTF_8))
            for (Matcher m : List.of(inFactGraph.matcher(line), quoteOf.matcher(line)))
                if (m.find())
                    facts.add(m.group(1));
        assertEquals(new TreeSet<>(List.of(ADDED, CHANGED, REMOVED)), facts, "facts the patch changes");

        DatasetGraph old = dataset(release("1.0"));
        RDFPatch patch;
        try (InputStream in = Files.newInputStream(patchFile)) {
            patch = RDFPatchOps.read(in);
        }
        RDFPatchOps.applyChange(old, patch);
        assertEquals(quads(dataset(release("2.0"))), quads(old));
    }

    @Test
    void factHashesVerifyAndChangeOnlyForTheChangedFact() throws Exception {
        Map<String, String> before = hashes(release("1.0")), after = hashes(release("2.0"));
        assertTrue(before.containsKey(REMOVED) && !after.containsKey(REMOVED));
        assertTrue(after.containsKey(ADDED) && !before.containsKey(ADDED));
        for (String id : before.keySet())
            if (after.containsKey(id))
                assertEquals(!id.equals(CHANGED), before.get(id).equals(after.get(id)), id);
        // Anyone can recompute them from the dump alone, and the build publishes each beside its fact.
        for (String v : List.of("1.0", "2.0")) {
            DatasetGraph dsg = dataset(release(v));
            for (var e : hashes(release(v)).entrySet()) {
                var fact = org.w3id.ftkg.model.Iris.uri("https://w3id.org/ftkg/fact/" + e.getKey());
                assertEquals(e.getValue(), FactHash.of(dsg, fact), e.getKey());
                assertEquals(List.of("sha256:" + e.getValue()), dsg.stream(org.w3id.ftkg.model.Iris.PROVENANCE_GRAPH, fact,
                    org.w3id.ftkg.model.Vocab.FACT_HASH, org.apache.jena.graph.Node.ANY)
                    .map(q -> q.getObject().getLiteralLexicalForm()).toList(), "ftkg:factHash of " + e.getKey());
            }
        }
    }

    @Test
    void aPublishedFactHashThatIsNotTheFactsOwnIsReported() throws Exception {
        DatasetGraph dsg = dataset(release("2.0"));
        var facts = FactState.all(dsg);
        assertEquals(List.of(), ReleaseFolder.publishedHashProblems(dsg, facts));
        var fact = org.w3id.ftkg.model.Iris.uri("https://w3id.org/ftkg/fact/" + CHANGED);
        var prov = org.w3id.ftkg.model.Iris.PROVENANCE_GRAPH;
        dsg.deleteAny(prov, fact, org.w3id.ftkg.model.Vocab.FACT_HASH, org.apache.jena.graph.Node.ANY);
        dsg.add(prov, fact, org.w3id.ftkg.model.Vocab.FACT_HASH,
            org.apache.jena.graph.NodeFactory.createLiteralString("sha256:" + hashes(release("1.0")).get(CHANGED)));
        List<String> problems = ReleaseFolder.publishedHashProblems(dsg, facts);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("fact " + CHANGED + " publishes ftkg:factHash"), problems.get(0));
    }

    @Test
    void theDescriptionNamesTheVersionItsPredecessorAndItsDate() {
        var g = RDFParser.source(release("2.0").resolve(ReleaseFolder.DESCRIPTION)).toGraph();
        var r = org.w3id.ftkg.model.Iris.uri(ReleaseFolder.RELEASE_BASE + "2.0");
        var prev = org.w3id.ftkg.model.Iris.uri(ReleaseFolder.RELEASE_BASE + "1.0");
        assertTrue(g.contains(r, org.w3id.ftkg.model.Iris.uri("http://www.w3.org/ns/dcat#version"), org.apache.jena.graph.NodeFactory.createLiteralString("2.0")));
        assertTrue(g.contains(r, org.w3id.ftkg.model.Iris.uri("http://www.w3.org/ns/dcat#previousVersion"), prev));
        assertTrue(g.contains(r, org.w3id.ftkg.model.Iris.uri("http://www.w3.org/ns/prov#wasRevisionOf"), prev));
        assertTrue(g.find(r, org.w3id.ftkg.model.Iris.uri("http://purl.org/dc/terms/issued"), org.apache.jena.graph.Node.ANY).hasNext());
        assertTrue(ReleaseFolder.epoch(release("2.0")) > 0);
    }

    @Test
    void verifySucceedsOnAnUntouchedReleaseAndFailsAfterOneByteOfADumpChanges() throws Exception {
        // A TDB2 database loaded beside the release is an index of it, outside its checksums.
        var tdb2 = ftkg("release", "2.0", "--tdb2", "--project", project.dir().toString());
        assertEquals(0, tdb2.code(), tdb2.err());
        assertTrue(Files.isDirectory(release("2.0").resolve(ReleaseFolder.TDB2)), tdb2.out());
        var ok = ftkg("release", "--verify", release("2.0").toString(), "--project", project.dir().toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("the rebuild is byte-identical"), ok.out());

        Path dump = release("2.0").resolve("dumps/ftkg.ttl");
        byte[] bytes = Files.readAllBytes(dump);
        int at = bytes.length / 2;
        bytes[at] = (byte) (bytes[at] == 'a' ? 'b' : 'a');
        Files.write(dump, bytes);
        var bad = ftkg("release", "--verify", release("2.0").toString(), "--project", project.dir().toString());
        assertEquals(Main.INVALID_INPUT, bad.code(), bad.out());
        assertTrue(bad.err().contains("dumps/ftkg.ttl: SHA-256 is") && bad.err().contains("the rebuild gives different bytes"), bad.err());
    }

    @Test
    void aReleaseHoldsTheSourceTextsItWasBuiltFromAndVerifyChecksThem() throws Exception {
        String seed = TwoReleases.SEED;
        assertFalse(Files.readString(release("1.0").resolve(seed)).contains(TwoReleases.SEED_ADDENDUM));
        assertEquals(project.read(seed), Files.readString(release("2.0").resolve(seed)));
        assertEquals(project.read("seeds/SHA256SUMS"), Files.readString(release("2.0").resolve("seeds/SHA256SUMS")));
        assertEquals(List.of(), ReleaseFolder.seedProblems(release("2.0"), Files.readString(release("2.0").resolve(ReleaseFolder.INPUTS))));

        Files.writeString(release("2.0").resolve(seed), "another text\n");
        var bad = ftkg("release", "--verify", release("2.0").toString(), "--project", project.dir().toString());
        assertEquals(Main.INVALID_INPUT, bad.code(), bad.out());
        assertTrue(bad.err().contains(seed + ": SHA-256 is ") && bad.err().contains("but inputs.sha256 records"), bad.err());
    }

    @Test
    void aReleaseIsNeverReplacedAndAnOldOneNeedsItsOwnInputsToRebuild() throws Exception {
        String before = Files.readString(release("2.0").resolve(ReleaseFolder.SUMS));
        var again = ftkg("release", "2.0", "--project", project.dir().toString());
        assertEquals(Main.USAGE, again.code(), again.err());
        assertTrue(again.err().contains("a release is never changed"), again.err());
        assertEquals(before, Files.readString(release("2.0").resolve(ReleaseFolder.SUMS)));
        var old = ftkg("release", "--verify", release("1.0").toString(), "--project", project.dir().toString());
        assertEquals(Main.INVALID_INPUT, old.code());
        assertTrue(old.err().contains("not the ones this release was built from (data/facts/004_40da1574111b49b3.yaml differs"), old.err());
    }
}
