package org.w3id.ftkg.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.ftkg.output.DumpWriter;

/** Opens the built data for querying: the TriG dump if there is one, else a fresh in-memory build. */
public final class Datasets {
    private Datasets() {}

    public static DatasetGraph load(Path project, Path dist) {
        Path trig = dist.resolve(DumpWriter.TRIG);
        DatasetGraph dsg;
        if (Files.isRegularFile(trig)) {
            dsg = DatasetGraphFactory.createTxnMem();
            RDFParser.source(trig).parse(dsg);
        } else
            dsg = Pipeline.build(project, null).dataset();
        return withUnionDefault(dsg);
    }

    /**
     * A transactional in-memory copy whose default graph is the union of all named graphs (the
     * contract of the public endpoint), the named graphs staying as they are for GRAPH queries.
     */
    public static DatasetGraph withUnionDefault(DatasetGraph source) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        out.executeWrite(() -> {
            source.find().forEachRemaining(q -> {
                out.add(q);
                out.getDefaultGraph().add(q.asTriple());
            });
            source.prefixes().forEach(out.prefixes()::add);
        });
        return out;
    }
}
