package org.w3id.ftkg.output;

import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * One stream to many, in order, as Jena's {@code StreamRDF2} does for two; source boundaries go to
 * the sinks that care ({@link DatasetSink}s).
 */
final class Tee implements DatasetSink {
    private final StreamRDF[] sinks;

    Tee(List<StreamRDF> sinks) {
        this.sinks = sinks.toArray(StreamRDF[]::new);
    }

    @Override
    public void start() {
        for (StreamRDF s : sinks)
            s.start();
    }

    @Override
    public void triple(Triple t) {
        for (StreamRDF s : sinks)
            s.triple(t);
    }

    @Override
    public void quad(Quad q) {
        for (StreamRDF s : sinks)
            s.quad(q);
    }

    @Override
    public void base(String base) {
        for (StreamRDF s : sinks)
            s.base(base);
    }

    @Override
    public void prefix(String prefix, String iri) {
        for (StreamRDF s : sinks)
            s.prefix(prefix, iri);
    }

    @Override
    public void startSource(String stem) {
        for (StreamRDF s : sinks)
            if (s instanceof DatasetSink d)
                d.startSource(stem);
    }

    @Override
    public void finishSource() {
        for (StreamRDF s : sinks)
            if (s instanceof DatasetSink d)
                d.finishSource();
    }

    @Override
    public void finish() {
        for (StreamRDF s : sinks)
            s.finish();
    }
}
