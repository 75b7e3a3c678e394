package org.w3id.ftkg.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.Vocab;

/**
 * The bytes of Jena's TURTLE_BLOCKS and TRIG_BLOCKS several times faster (Jena's {@code IndentedWriter} handles
 * each character on its own); a run of one graph and subject makes one block. Given {@link Dumps}, each
 * source's part is copied, laid out once, to its own dump. {@code BlockWriterTest} checks the bytes.
 */
public final class BlockWriter extends TextWriter implements DatasetSink {
    // The layout constants of WriterStreamRDFBlocks / WriterConst.
    private static final int INDENT_PREDICATE = 8, MIN_PREDICATE = 6, LONG_PREDICATE = 30, LONG_SUBJECT = 20;
    private static final int INDENT_GRAPH = 4;
    private static final String SPACES = " ".repeat(INDENT_GRAPH + INDENT_PREDICATE + LONG_PREDICATE);

    private final RDFFormat format;
    private final NodeText terms = NodeText.turtle();
    private final PrefixMap prefixes = NodeText.prefixes();
    private final Map<Node, Integer> widths = new HashMap<>();
    private final Dumps sources;
    /** The open graph's block (TriG), else null. */
    private Node lastGraph;
    /** The statements of the current (graph, subject). */
    private Node batchGraph;
    private final List<Triple> batch = new ArrayList<>();
    /** The current source's dump, and where its part of the batch starts. */
    private BlockWriter copy;
    private int copyFrom;

    private BlockWriter(OutputStream out, RDFFormat format, Dumps sources) {
        super(out);
        this.format = format;
        this.sources = sources;
    }

    /** A Turtle writer: triples only. */
    public static BlockWriter turtle(OutputStream out) {
        return new BlockWriter(out, RDFFormat.TURTLE_BLOCKS, null);
    }

    /** A Turtle writer that also writes each source's part to that source's own dump. */
    static BlockWriter turtle(OutputStream out, Dumps sources) {
        return new BlockWriter(out, RDFFormat.TURTLE_BLOCKS, sources);
    }

    /** A TriG writer: quads in named graphs. */
    public static BlockWriter trig(OutputStream out) {
        return new BlockWriter(out, RDFFormat.TRIG_BLOCKS, null);
    }

    @Override
    public void start() {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(header, format);
        w.start();
        Vocab.PREFIXES.forEach(w::prefix);
        w.finish();
        write(header.toByteArray());
    }

    @Override
    public void prefix(String prefix, String iri) {} // the dumps' prefixes are fixed: written by start()

    @Override
    public void triple(Triple t) {
        add(null, t);
    }

    @Override
    public void quad(Quad q) {
        Node g = q.getGraph();
        add(g == null || Quad.isDefaultGraph(g) ? null : g, q.asTriple());
    }

    private void add(Node g, Triple t) {
        if (!batch.isEmpty() && (!Objects.equals(g, batchGraph) || !t.getSubject().equals(batch.get(0).getSubject())))
            flushBatch();
        batchGraph = g;
        batch.add(t);
    }

    private void flushBatch() {
        if (batch.isEmpty())
            return;
        spill();
        int start = sb.length();
        if (batchGraph == null) {
            endGraph();
            block(batch);
            if (copy != null && copyFrom < batch.size()) {
                copy.spill();
                if (copyFrom == 0)
                    copy.sb.append(sb, start, sb.length()); // the same text: laid out once
                else
                    copy.block(batch.subList(copyFrom, batch.size()));
            }
        } else {
            if (batchGraph.equals(lastGraph))
                sb.append(" .\n");
            else {
                endGraph();
                sb.append('\n');
                terms.append(sb, batchGraph);
                sb.append(" {\n");
                lastGraph = batchGraph;
            }
            layout(INDENT_GRAPH, batch);
        }
        batch.clear();
        copyFrom = 0;
    }

    /** Turtle's block: a blank line, the statements, the full stop. */
    private void block(List<Triple> triples) {
        sb.append('\n');
        layout(0, triples);
        sb.append(" .\n");
    }

    private void endGraph() {
        if (lastGraph != null)
            sb.append(" .\n}\n");
        lastGraph = null;
    }

    /** WriterStreamRDFBlocks.writeCluster: the subject, then the predicates aligned, one per line. */
    private void layout(int indent, List<Triple> triples) {
        int line = sb.length();
        spaces(indent);
        terms.append(sb, triples.get(0).getSubject());
        if (sb.length() - line > LONG_SUBJECT) {
            sb.append('\n');
            line = sb.length();
        } else
            sb.append("  ");
        indent += INDENT_PREDICATE;
        spaces(indent - (sb.length() - line));
        int width = predicateWidth(triples);
        for (int i = 0; i < triples.size(); i++) {
            if (i > 0) {
                sb.append(";\n");
                line = sb.length();
                spaces(indent);
            }
            terms.append(sb, triples.get(i).getPredicate()); // the dumps declare rdf:, so rdf:type is never 'a'
            spaces(indent + width - (sb.length() - line));
            sb.append("  ");
            terms.append(sb, triples.get(i).getObject());
        }
    }

    private void spaces(int n) {
        if (n > 0)
            sb.append(SPACES, 0, n); // at most the indents and the longest aligned predicate
    }

    /** Widths.calcWidthTriples, quirks included. */
    private int predicateWidth(List<Triple> triples) {
        Node prev = null;
        int max = MIN_PREDICATE;
        for (Triple t : triples) {
            Node p = t.getPredicate();
            if (prev != null && prev.equals(p))
                continue;
            int len = widths.computeIfAbsent(p, n -> {
                String x = prefixes.abbreviate(n.getURI());
                return x == null ? n.getURI().length() + 2 : x.length();
            });
            if (len > LONG_PREDICATE)
                continue;
            max = Math.max(max, len);
            prev = p;
        }
        return max;
    }

    @Override
    public void startSource(String stem) {
        finishSource();
        if (sources != null) {
            copy = sources.openSource(stem);
            copyFrom = batch.size(); // a batch under way began before the source
        }
    }

    @Override
    public void finishSource() {
        if (copy == null)
            return;
        if (batch.size() > copyFrom) { // the source's dump ends its part of the batch here
            copy.spill();
            copy.block(batch.subList(copyFrom, batch.size()));
        }
        sources.closeSource(copy);
        copy = null;
    }

    @Override
    public void finish() {
        flushBatch();
        endGraph();
        flushAll();
        finishSource();
    }
}
