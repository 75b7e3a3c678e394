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
 * A streaming Turtle or TriG writer that writes the bytes of Jena's TURTLE_BLOCKS and TRIG_BLOCKS
 * ({@code WriterStreamRDFBlocks}, after the dumps' prefix lines) several times faster: Jena's
 * {@code IndentedWriter} handles every character on its own, which made Turtle and TriG output
 * the larger part of a build. As {@code WriterStreamRDFBatched} does, consecutive statements
 * with the same graph and subject are gathered into one block; terms are formatted by Jena's own
 * formatters ({@link NodeText}), only the layout (subject, aligned predicates, graph braces,
 * indentation) is done here. {@code BlockWriterTest} checks the two agree byte for byte.
 */
public final class BlockWriter extends TextWriter {
    private final RDFFormat format;
    private final PrefixMap prefixes = NodeText.prefixes();
    private final NodeText terms = NodeText.turtle(prefixes);
    private final Map<Node, Integer> widths = new HashMap<>();

    // The layout constants of WriterStreamRDFBlocks / WriterConst.
    private static final int INDENT_PREDICATE = 8;
    private static final int MIN_PREDICATE = 6;
    private static final int LONG_PREDICATE = 30;
    private static final int LONG_SUBJECT = 20;
    private static final int GAP_S_P = 2;
    private static final int GAP_P_O = 2;
    private static final int INDENT_GNMD = 4;
    private static final String SPACES = " ".repeat(64);

    // IndentedWriter: the prefix lines are already written, so the row is past the first.
    private int row = 2;
    private int column = 0;
    private int indent = 0;
    private boolean startingNewLine = true;
    // WriterStreamRDFBlocks
    private Node lastGraph;
    private Node lastSubject;
    private int graphIndent;
    // WriterStreamRDFBatched: the statements of the current (graph, subject)
    private Node batchGraph;
    private Node batchSubject;
    private final List<Triple> batch = new ArrayList<>();

    /** A Turtle writer: triples only. */
    public static BlockWriter turtle(OutputStream out) {
        return new BlockWriter(out, RDFFormat.TURTLE_BLOCKS);
    }

    /** A TriG writer: quads in named graphs. */
    public static BlockWriter trig(OutputStream out) {
        return new BlockWriter(out, RDFFormat.TRIG_BLOCKS);
    }

    private BlockWriter(OutputStream out, RDFFormat format) {
        super(out);
        this.format = format;
    }

    /** The prefix lines that start every Turtle or TriG dump, as Jena's writer writes them. */
    static byte[] header(RDFFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamRDF w = StreamRDFWriter.getWriterStream(bytes, format);
        w.start();
        Vocab.PREFIXES.forEach(w::prefix);
        w.finish();
        return bytes.toByteArray();
    }

    @Override
    public void start() {
        write(header(format));
    }

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
        if (!batch.isEmpty() && (!Objects.equals(g, batchGraph) || !t.getSubject().equals(batchSubject)))
            flushBatch();
        batchGraph = g;
        batchSubject = t.getSubject();
        batch.add(t);
    }

    private void flushBatch() {
        if (batch.isEmpty())
            return;
        if (batchGraph == null)
            printBatchTriples(batchSubject, batch);
        else
            printBatchQuads(batchGraph, batchSubject, batch);
        batch.clear();
    }

    @Override
    public void prefix(String prefix, String iri) {} // the dumps' prefixes are fixed: written by start()

    @Override
    public void finish() {
        flushBatch();
        finalizeRun();
        flushAll();
    }

    // --- WriterStreamRDFBlocks -------------------------------------------------------

    private void printBatchQuads(Node g, Node s, List<Triple> triples) {
        spill();
        if (Objects.equals(g, lastGraph))
            println(" .");
        else {
            endGraph(g);
            startGraph(g);
            lastGraph = g;
        }
        printBatch(s, triples);
        lastSubject = s;
    }

    private void printBatchTriples(Node s, List<Triple> triples) {
        spill();
        startBatch();
        printBatch(s, triples);
        println(" .");
        lastGraph = null;
    }

    private void startBatch() {
        if (lastGraph != null) {
            endGraph(null);
            lastGraph = null;
        }
        if (row > 1)
            println();
    }

    private void printBatch(Node s, List<Triple> triples) {
        print(terms.get(s));
        if (col() > LONG_SUBJECT)
            println();
        else
            printChars(' ', GAP_S_P);
        indent += INDENT_PREDICATE;
        pad();
        writePredicateObjectList(triples);
        indent -= INDENT_PREDICATE;
    }

    private void writePredicateObjectList(List<Triple> triples) {
        int width = predicateWidth(triples);
        boolean first = true;
        for (Triple t : triples) {
            if (!first)
                println(";");
            else
                first = false;
            print(terms.get(t.getPredicate())); // the dumps declare rdf:, so rdf:type is never written 'a'
            padTo(width);
            printChars(' ', GAP_P_O);
            print(terms.get(t.getObject()));
        }
    }

    /** Widths.calcWidthTriples. */
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
            if (max < len)
                max = len;
            prev = p;
        }
        return max;
    }

    private void finalizeRun() {
        if (lastGraph != null)
            endGraph(null);
    }

    private void startGraph(Node g) {
        startBatch();
        if (lastGraph == null) {
            lastSubject = null;
            print(terms.get(g));
            print(" ");
            println("{");
            graphIndent = INDENT_GNMD;
            indent += graphIndent;
        }
        lastGraph = g;
    }

    private void endGraph(Node g) {
        if (lastGraph == null)
            return;
        if (!Objects.equals(lastGraph, g)) {
            if (lastSubject != null)
                print(" .");
            indent -= graphIndent;
            println();
            println("}");
            lastSubject = null;
            lastGraph = null;
        }
    }

    // --- IndentedWriter ---------------------------------------------------------------

    /** Prints a term or a piece of punctuation: never a line break (terms with one never get here). */
    private void print(String s) {
        if (s.isEmpty())
            return;
        lineStart();
        sb.append(s);
        column += s.length();
    }

    private void println(String s) {
        print(s);
        newline();
    }

    private void println() {
        newline();
    }

    private void printChars(char c, int n) {
        lineStart();
        spaces(n); // (only ever spaces)
    }

    private void spaces(int n) {
        while (n > 0) {
            int k = Math.min(n, SPACES.length());
            sb.append(SPACES, 0, k);
            column += k;
            n -= k;
        }
    }

    private void newline() {
        lineStart();
        sb.append('\n');
        startingNewLine = true;
        row++;
        column = 0;
    }

    private void lineStart() {
        padInternal();
        startingNewLine = false;
    }

    private void padInternal() {
        if (column < indent)
            spaces(indent - column);
    }

    private void pad() {
        if (startingNewLine && indent > 0)
            lineStart();
        padInternal();
    }

    /** IndentedWriter.pad(col): to a column counted from the indent, without the line-start padding. */
    private void padTo(int col) {
        int n = col + indent - column;
        if (n > 0)
            spaces(n);
    }

    private int col() {
        return Math.max(indent, column);
    }
}
