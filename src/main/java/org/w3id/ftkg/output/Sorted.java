package org.w3id.ftkg.output;

import java.util.Comparator;

import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.NodeCmp;

/** A total order on triples and quads, so that every dump is written in one reproducible order. */
public final class Sorted {
    public static final Comparator<Triple> TRIPLES = (a, b) -> {
        int c = NodeCmp.compareRDFTerms(a.getSubject(), b.getSubject());
        if (c != 0)
            return c;
        c = NodeCmp.compareRDFTerms(a.getPredicate(), b.getPredicate());
        return c != 0 ? c : NodeCmp.compareRDFTerms(a.getObject(), b.getObject());
    };

    public static final Comparator<Quad> QUADS = (a, b) -> {
        int c = NodeCmp.compareRDFTerms(a.getGraph(), b.getGraph());
        return c != 0 ? c : TRIPLES.compare(a.asTriple(), b.asTriple());
    };

    private Sorted() {}
}
