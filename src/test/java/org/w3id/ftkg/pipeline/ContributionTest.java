package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.diagnostics.Problems;

/** One facts file in, one contribution out: its quads in a fixed order, or its problems and no quads. */
class ContributionTest {
    @TempDir
    Path tmp;

    private Contribution contribute(TestProject p) throws Exception {
        Problems problems = new Problems();
        try (OrderedWork work = new OrderedWork(1)) {
            CorpusIndex index = CorpusIndex.read(p.dir(), Files.createDirectories(tmp.resolve("spill")), work, problems).orElseThrow();
            assertTrue(problems.isEmpty(), problems.sorted()::toString);
            PartitionedShapeCheck shapes = PartitionedShapeCheck.of(p.dir(), index, problems).orElseThrow();
            return Contribution.of(Contribution.Context.of(p.dir(), index, shapes), index.factsFiles().get(0), false);
        }
    }

    @Test
    void aFactsFileGivesItsFactGraphsSortedThenTheirProvenanceSorted() throws Exception {
        Contribution c = contribute(TestProject.fixture(tmp, "mini"));
        assertTrue(c.problems().isEmpty() && c.shapes().isEmpty(), c.problems().sorted()::toString);
        assertEquals("004_40da1574111b49b3", c.stem());
        assertEquals(5, c.facts());
        List<Quad> facts = c.quads().stream().filter(q -> !q.getGraph().equals(Iris.PROVENANCE_GRAPH)).toList();
        List<Quad> prov = c.quads().subList(facts.size(), c.quads().size());
        assertTrue(facts.stream().allMatch(q -> q.getGraph().getURI().startsWith(Iris.FACT)));
        assertTrue(prov.stream().allMatch(q -> q.getGraph().equals(Iris.PROVENANCE_GRAPH)), "provenance comes after the facts");
        List<Quad> sorted = new ArrayList<>(facts);
        sorted.sort(Sorted.QUADS);
        assertEquals(sorted, facts);
        sorted = new ArrayList<>(prov);
        sorted.sort(Sorted.QUADS);
        assertEquals(sorted, prov);
        assertTrue(prov.stream().anyMatch(q -> q.getSubject().equals(Iris.source("004_40da1574111b49b3"))),
            "the source describes itself with its facts");
        assertEquals(contribute(TestProject.fixture(tmp.resolve("again"), "mini")).quads(), c.quads(), "the same every time");
    }

    @Test
    void aQuoteNotInItsSourceGivesAProblemAndNoQuads() throws Exception {
        Contribution c = contribute(TestProject.fixture(tmp, "mini")
            .edit(TestProject.MINI_FACTS, s -> s.replace("Mexico has extradited 29", "Mexico has extradited 30")));
        assertTrue(c.problems().sorted().stream().anyMatch(p -> p.message().contains("quote is not in")), c.problems().sorted()::toString);
        assertTrue(c.quads().isEmpty());
    }
}
