package org.w3id.ftkg.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.ftkg.model.Vocab;

/**
 * {@link StatementNodes} for many statements: the same statement nodes (named from the SHA-256 of
 * the triple in N-Triples), with each term formatted once and one digest reused, because
 * {@link NodeFmtLib#strNT} formats through Jena's per-character {@code IndentedWriter}. One
 * instance per thread. {@code StreamingBuildTest} checks it against {@link StatementNodes}.
 */
public final class StreamingStatements {
    private final StreamingBlockWriter.Terms terms; // NodeFmtLib.strNT's formatter
    private final MessageDigest sha256;
    private final StringBuilder nt = new StringBuilder(256);
    private long lastDigest;

    public StreamingStatements() {
        this(new StreamingBlockWriter());
    }

    /** Sharing the N-Triples terms that {@code writer} formats. */
    public StreamingStatements(StreamingBlockWriter writer) {
        this.terms = writer.ntTerms();
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link StatementNodes#describe}; {@link #lastDigest} is then the 64 bits that name the statement. */
    public List<Triple> describe(Node graph, Triple t) {
        nt.setLength(0);
        nt.append(terms.get(t.getSubject())).append(' ').append(terms.get(t.getPredicate())).append(' ')
            .append(terms.get(t.getObject()));
        byte[] d = sha256.digest(nt.toString().getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++)
            v = (v << 8) | (d[i] & 0xff);
        lastDigest = v;
        Node st = NodeFactory.createURI(graph.getURI() + "#t-" + HexFormat.of().formatHex(d, 0, 8));
        return StatementNodes.describe(st, graph, t);
    }

    /** The digest of the last statement described (the first 16 hex digits of its name, as a number). */
    public long lastDigest() {
        return lastDigest;
    }
}
