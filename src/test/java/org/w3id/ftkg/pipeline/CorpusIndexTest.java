package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.diagnostics.Problems;

/** Pass 1: what the second pass needs to know across files, and nothing of the facts themselves. */
class CorpusIndexTest {
    @TempDir
    Path tmp;

    private CorpusIndex read(TestProject p, Problems problems) throws Exception {
        Path spill = Files.createDirectories(tmp.resolve("spill"));
        try (OrderedWork work = new OrderedWork(2)) {
            return CorpusIndex.read(p.dir(), spill, work, problems).orElseThrow();
        }
    }

    @Test
    void eachFactsFileIsListedWithItsSourceAndItsRecordsSpilled() throws Exception {
        Problems problems = new Problems();
        CorpusIndex index = read(TestProject.real(tmp), problems);
        assertTrue(problems.isEmpty(), problems.sorted()::toString);
        assertEquals(5, index.factsFiles().size());
        for (int i = 0; i < 5; i++) {
            CorpusIndex.FactsFileEntry f = index.factsFiles().get(i);
            assertEquals(i, f.index());
            assertTrue(f.coversSource(), f.path());
            assertTrue(f.path().endsWith(f.sourceFile().replace(".txt", ".yaml")), f.path());
            assertTrue(Files.isRegularFile(f.records()), "records spilled for pass 2");
        }
        assertEquals(286, index.entities().size());
        assertEquals(5, index.seeds().all().size());
    }

    @Test
    void aThingThatSeveralFilesDescribeIsShared() throws Exception {
        CorpusIndex index = read(TestProject.real(tmp), new Problems());
        // The tenure of Craig Deare is declared by 000 only; the Sinaloa Cartel is described nowhere but its entity record.
        assertEquals(0, index.ownerOf(Iris.entity("craig-deare-ndu-professor")));
        assertTrue(index.owners().containsValue(CorpusIndex.SHARED), "some node is described by two facts files");
        index.owners().forEach((slug, owner) -> assertTrue(owner >= CorpusIndex.SHARED && owner < 5, slug));
    }

    @Test
    void aFactIdUsedTwiceIsReportedAndItsSecondRecordSetAside() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini")
            .edit(TestProject.MINI_FACTS, s -> s.replace("id: 004-caro-quintero-release", "id: 004-extradition-of-29"));
        Problems problems = new Problems();
        CorpusIndex index = read(p, problems);
        assertTrue(problems.sorted().stream().anyMatch(x -> x.message().contains("duplicate fact id")), problems.sorted()::toString);
        assertEquals(1, index.duplicates().size());
    }

    @Test
    void withoutAnOntologyThereIsNoIndex() throws Exception {
        TestProject p = TestProject.fixture(tmp, "mini");
        Files.delete(p.resolve("ontology/ftkg.ttl"));
        Problems problems = new Problems();
        try (OrderedWork work = new OrderedWork(1)) {
            Optional<CorpusIndex> index = CorpusIndex.read(p.dir(), Files.createDirectories(tmp.resolve("s")), work, problems);
            assertTrue(index.isEmpty());
        }
        assertFalse(problems.isEmpty());
    }
}
