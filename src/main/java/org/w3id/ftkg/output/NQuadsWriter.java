package org.w3id.ftkg.output;

import java.io.OutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;

/** N-Quads (N-Triples for triples) with the bytes of Jena's {@code WriterStreamRDFPlain}, terms by {@link NodeText}. */
public final class NQuadsWriter extends TextWriter {
    private final NodeText terms = NodeText.nt();

    public NQuadsWriter(OutputStream out) {
        super(out);
    }

    @Override
    public void triple(Triple t) {
        statement(t.getSubject(), t.getPredicate(), t.getObject(), null);
    }

    @Override
    public void quad(Quad q) {
        Node g = q.getGraph();
        statement(q.getSubject(), q.getPredicate(), q.getObject(),
            g == null || g == Quad.tripleInQuad || Quad.isDefaultGraph(g) ? null : g);
    }

    private void statement(Node s, Node p, Node o, Node g) {
        spill();
        terms.append(sb, s);
        sb.append(' ');
        terms.append(sb, p);
        sb.append(' ');
        terms.append(sb, o);
        if (g != null) {
            sb.append(' ');
            terms.append(sb, g);
        }
        sb.append(" .\n");
    }

    @Override
    public void finish() {
        flushAll();
    }
}
