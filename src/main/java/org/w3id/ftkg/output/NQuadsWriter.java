package org.w3id.ftkg.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * N-Quads (or N-Triples, for triples) with the bytes of Jena's {@code WriterStreamRDFPlain}, its
 * terms formatted once each ({@link NodeText}) instead of through an {@code IndentedWriter}.
 */
public final class NQuadsWriter extends StreamRDFBase {
    private static final int BLOCK = 1 << 15;
    private final OutputStream out;
    private final NodeText terms = NodeText.nt();
    private final StringBuilder sb = new StringBuilder(BLOCK + 1024);

    public NQuadsWriter(OutputStream out) {
        this.out = out;
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
        if (sb.length() >= BLOCK)
            write();
        sb.append(terms.get(s)).append(' ').append(terms.get(p)).append(' ').append(terms.get(o));
        if (g != null)
            sb.append(' ').append(terms.get(g));
        sb.append(" .\n");
    }

    private void write() {
        try {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            sb.setLength(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        write();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
