package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.w3id.ftkg.digest.Sha256.FileDigest;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.source.SeedSet;

/** The build activity is named by its inputs and says which files it used. */
class BuildActivityTest {
    private static final Map<String, FileDigest> FILES = Map.of(
        "data/facts/a.yaml", new FileDigest("a".repeat(64), 10),
        "ontology/ftkg.ttl", new FileDigest("b".repeat(64), 20));
    private static final List<SeedSet.Seed> SEEDS = List.of(new SeedSet.Seed("a.txt", "c".repeat(64), 30));

    @Test
    void theSameInputsNameTheSameActivityAndAnyChangeAnother() {
        BuildActivity a = BuildActivity.of(FILES, SEEDS);
        assertEquals(a.iri(), BuildActivity.of(Map.copyOf(FILES), List.copyOf(SEEDS)).iri());
        assertTrue(a.iri().getURI().startsWith(Iris.ACTIVITY + "build-"));
        assertNotEquals(a.iri(), BuildActivity.of(FILES, List.of(new SeedSet.Seed("a.txt", "d".repeat(64), 30))).iri());
        assertNotEquals(a.iri(), BuildActivity.of(Map.of("data/facts/a.yaml", new FileDigest("e".repeat(64), 10)), SEEDS).iri());
    }

    @Test
    void itsProvenanceListsEveryFileItUsedAndOnlyTheGivenTime() {
        List<Triple> prov = BuildActivity.of(FILES, SEEDS).provenance(1_700_000_000L);
        List<String> used = prov.stream().filter(t -> t.getPredicate().equals(Vocab.PROV_USED))
            .map(t -> t.getObject().getURI()).sorted().toList();
        assertEquals(List.of(Iris.curationFile("data/facts/a.yaml").getURI(), Iris.curationFile("ontology/ftkg.ttl").getURI(),
            Iris.source("a").getURI()).stream().sorted().toList(), used);
        assertTrue(prov.stream().anyMatch(t -> t.getObject().isLiteral()
            && t.getObject().getLiteralLexicalForm().equals("2023-11-14T22:13:20Z")));
        assertTrue(BuildActivity.of(FILES, SEEDS).provenance(null).stream()
            .noneMatch(t -> t.getPredicate().equals(Vocab.PROV_ENDED_AT)), "no wall-clock time");
    }
}
