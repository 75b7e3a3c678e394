package org.w3id.ftkg.store;

import java.nio.file.Path;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/** The data of a TriG dump in memory, as the public endpoint serves it. */
public final class MemoryStore {
    private MemoryStore() {}

    /**
     * Reads a TriG file into a dataset whose default graph is the union of its named graphs. One
     * pass: each quad goes into its graph and the default graph as it is parsed (no second copy).
     */
    public static DatasetGraph open(Path trig) {
        DatasetGraph out = create();
        read(trig, out);
        return out;
    }

    /** An empty dataset of the kind {@link #open} returns, for {@link #read} to fill. */
    public static DatasetGraph create() {
        return DatasetGraphFactory.createTxnMem();
    }

    /**
     * Reads a TriG file into {@code out}, made by {@link #create} and still empty, in one write
     * transaction: a reader on another thread sees nothing of it until all of it is there.
     */
    public static void read(Path trig, DatasetGraph out) {
        out.executeWrite(() -> RDFParser.source(trig).parse(new StreamRDFWrapper(StreamRDFLib.dataset(out)) {
            @Override
            public void quad(Quad q) {
                out.add(q);
                if (!q.isDefaultGraph())
                    out.add(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(), q.getObject());
            }
        }));
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
