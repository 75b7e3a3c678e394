package org.w3id.ftkg.store;

import java.nio.file.Path;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;

/** The data of a TriG dump in memory, as the public endpoint serves it: the default graph is the union of the graphs. */
public final class MemoryStore {
    private MemoryStore() {}

    public static DatasetGraph open(Path trig) {
        return read(trig, create());
    }

    /** An empty dataset of the kind {@link #open} returns, for {@link #read} to fill. */
    public static DatasetGraph create() {
        return DatasetGraphFactory.createTxnMem();
    }

    /**
     * Reads a TriG file into {@code out} (made by {@link #create}, still empty) in one pass and one write
     * transaction: each quad goes into its graph and the default graph as it is parsed, and a reader on another
     * thread sees nothing until all of it is there.
     */
    public static DatasetGraph read(Path trig, DatasetGraph out) {
        out.executeWrite(() -> RDFParser.source(trig).parse(new StreamRDFWrapper(StreamRDFLib.dataset(out)) {
            @Override
            public void quad(Quad q) {
                out.add(q);
                if (!q.isDefaultGraph())
                    out.add(Quad.defaultGraphIRI, q.getSubject(), q.getPredicate(), q.getObject());
            }
        }));
        return out;
    }

    /** A transactional in-memory copy of {@code source} with the union of its graphs as default graph. */
    public static DatasetGraph withUnionDefault(DatasetGraph source) {
        DatasetGraph out = create();
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
