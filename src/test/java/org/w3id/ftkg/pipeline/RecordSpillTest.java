package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.diagnostics.Problems;

/** What pass 1 spills of a facts file is read back whole by pass 2. */
class RecordSpillTest {
    @TempDir
    Path tmp;

    @Test
    void recordsReadBackAreTheRecordsWritten() throws Exception {
        List<Path> projects = List.of(TestProject.real(tmp.resolve("real")).dir(),
            TestProject.fixture(tmp.resolve("mini"), "mini").dir());
        int n = 0;
        for (Path project : projects) {
            org.w3id.ftkg.curation.CurationReader reader = new org.w3id.ftkg.curation.CurationReader(project);
            for (String f : reader.factFiles(new Problems())) {
                org.w3id.ftkg.curation.FactsFile ff = reader.readFactsFile(f, new Problems()).orElseThrow();
                Path spill = tmp.resolve("records-" + n++);
                RecordSpill.write(spill, ff);
                assertEquals(ff, RecordSpill.read(spill), f);
            }
        }
        // Odd strings: empty, long, non-BMP, a lone surrogate (YAML escapes can make one), nulls everywhere.
        TestProject odd = TestProject.fixture(tmp.resolve("odd"), "mini").edit(TestProject.MINI_FACTS, s -> s.replace(
            "title: Mexico Extradites 29", "title: \"\\ud800 lone \\U0001F48A \\t " + "x".repeat(70_000) + "\"\n  date_quote: ''\n  x: Mexico Extradites 29"));
        org.w3id.ftkg.curation.FactsFile ff = new org.w3id.ftkg.curation.CurationReader(odd.dir())
            .readFactsFile(TestProject.MINI_FACTS, new Problems()).orElseThrow();
        assertTrue(ff.source().title().value().startsWith("\ud800 lone \uD83D\uDC8A"), ff.source().title().value().substring(0, 20));
        Path spill = tmp.resolve("records-odd");
        RecordSpill.write(spill, ff);
        assertEquals(ff, RecordSpill.read(spill));
    }
}
