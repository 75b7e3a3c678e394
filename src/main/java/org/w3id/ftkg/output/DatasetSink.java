package org.w3id.ftkg.output;

import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;

/** Where the build's quads go: a {@link StreamRDF} also told where each source's part begins and ends. */
public interface DatasetSink extends StreamRDF {
    /** The quads that follow, up to {@link #finishSource}, come from the source with this stem. */
    default void startSource(String stem) {}

    default void finishSource() {}

    /** A plain stream as a sink that ignores source boundaries (a dataset in memory, a single export). */
    static DatasetSink of(StreamRDF stream) {
        return stream instanceof DatasetSink d ? d : new Plain(stream);
    }

    final class Plain extends StreamRDFWrapper implements DatasetSink {
        Plain(StreamRDF other) {
            super(other);
        }
    }
}
