package org.w3id.ftkg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.ftkg.output.DatasetSink;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.store.MemoryStore;

/** The built data in memory, for the commands that query it. */
public final class Datasets {
    private Datasets() {}

    /** The TriG dump of {@code dist} if there is one, else the build's quads; with the union default graph. */
    public static DatasetGraph load(Path project, Path dist) throws IOException {
        Path trig = dist.resolve(Dumps.TRIG);
        return Files.isRegularFile(trig) ? MemoryStore.open(trig) : MemoryStore.withUnionDefault(build(project, null));
    }

    /** The build's quads collected into a dataset in memory (the one sink whose memory grows with the corpus). */
    public static DatasetGraph build(Path project, Long sourceDateEpoch) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.create();
        Build.of(project).sourceDateEpoch(sourceDateEpoch).into(DatasetSink.of(StreamRDFLib.dataset(dsg)));
        return dsg;
    }
}
