package org.w3id.ftkg.output;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.Vocab;

/**
 * Renders the pieces of the streamed dumps: the bytes Jena's streaming writers
 * ({@code WriterStreamRDFBlocks} for TURTLE_BLOCKS and TRIG_BLOCKS after the dumps' prefix lines,
 * {@code WriterStreamRDFPlain} for N-Quads) write for the same statements in the same order, but
 * several times faster: Jena's {@code IndentedWriter} handles every character on its own, which
 * made Turtle and TriG output the larger part of a streamed build.
 *
 * <p>Terms are formatted by Jena's own {@link NodeFormatterTTL} and {@link NodeFormatterNT}
 * (cached per piece, since predicates, classes and entities repeat); only the block layout
 * (subject, aligned predicates, graph braces, indentation) is done here, following
 * {@code WriterStreamRDFBlocks} of Jena 5.6. {@code StreamingBuildTest} checks the two agree
 * byte for byte. A term whose formatted form spans lines is left to Jena's writer.
 */
public final class StreamingBlockWriter {
    /** The terms formatted so far (one writer per piece of output, or per thread: not thread-safe). */
    private final PrefixMap prefixes = prefixes();
    private final Terms ttl = new Terms(new NodeFormatterTTL(null, prefixes));
    private final Terms nt = Terms.nt();
    private final Map<Node, Integer> widths = new HashMap<>();

    // The layout constants of WriterStreamRDFBlocks / WriterConst.
    private static final int INDENT_PREDICATE = 8;
    private static final int MIN_PREDICATE = 6;
    private static final int LONG_PREDICATE = 30;
    private static final int LONG_SUBJECT = 20;
    private static final int GAP_S_P = 2;
    private static final int GAP_P_O = 2;
    private static final int INDENT_GNMD = 4;

    /** The dumps' prefixes, as the writer knows them after the prefix lines (one map per piece: maps cache). */
    private static PrefixMap prefixes() {
        PrefixMap pm = PrefixMapFactory.create();
        Vocab.PREFIXES.forEach(pm::add);
        return pm;
    }

    /** A writer whose formatted terms are shared by the pieces it writes. */
    public StreamingBlockWriter() {}

    /** The N-Triples terms of this writer (for {@link StreamingStatements}). */
    Terms ntTerms() {
        return nt;
    }

    private static final String SPACES = " ".repeat(64);

    /** Text is turned into byte blocks of about this many chars. */
    private static final int BLOCK = 1 << 15;

    /** Turtle (TURTLE_BLOCKS) of {@code triples}, as it follows the prefix lines of the dump. */
    public StreamingDumps.Bytes turtle(List<Triple> triples) {
        try {
            Blocks b = new Blocks();
            int i = 0;
            while (i < triples.size()) {
                Node s = triples.get(i).getSubject();
                int j = i + 1;
                while (j < triples.size() && Objects.equals(triples.get(j).getSubject(), s))
                    j++;
                b.printBatchTriples(s, triples.subList(i, j));
                i = j;
            }
            b.finalizeRun();
            return b.bytes();
        } catch (MultiLine e) {
            return StreamingDumps.Bytes.of(StreamingDumps.body(RDFFormat.TURTLE_BLOCKS, w -> triples.forEach(w::triple)));
        }
    }

    /** TriG (TRIG_BLOCKS) of {@code quads}, as it follows the prefix lines of the dump. */
    public StreamingDumps.Bytes trig(List<Quad> quads) {
        try {
            Blocks b = new Blocks();
            int i = 0;
            List<Triple> batch = new ArrayList<>();
            while (i < quads.size()) {
                Node g = quads.get(i).getGraph();
                Node s = quads.get(i).getSubject();
                batch.clear();
                int j = i;
                while (j < quads.size() && Objects.equals(quads.get(j).getGraph(), g)
                    && Objects.equals(quads.get(j).getSubject(), s))
                    batch.add(quads.get(j++).asTriple());
                b.printBatchQuads(g, s, batch);
                i = j;
            }
            b.finalizeRun();
            return b.bytes();
        } catch (MultiLine e) {
            return StreamingDumps.Bytes.of(StreamingDumps.body(RDFFormat.TRIG_BLOCKS, w -> quads.forEach(w::quad)));
        }
    }

    /** N-Quads of {@code quads}: the bytes of Jena's N-Quads writer. */
    public StreamingDumps.Bytes nquads(List<Quad> quads) {
        Terms terms = nt;
        StreamingDumps.Bytes out = new StreamingDumps.Bytes();
        StringBuilder sb = new StringBuilder(BLOCK + 1024);
        for (Quad q : quads) {
            if (sb.length() >= BLOCK)
                out.add(sb);
            sb.append(terms.get(q.getSubject())).append(' ').append(terms.get(q.getPredicate())).append(' ')
                .append(terms.get(q.getObject()));
            Node g = q.getGraph();
            if (g != null && g != Quad.tripleInQuad && !Quad.isDefaultGraph(g))
                sb.append(' ').append(terms.get(g));
            sb.append(" .\n");
        }
        out.add(sb);
        return out;
    }

    /** The namespaces of the dumps' prefixes, if no one of them starts another (else null: no shortcut). */
    private static final String[] NAMESPACES;
    static {
        String[] ns = Vocab.PREFIXES.values().toArray(String[]::new);
        boolean nested = false;
        for (String a : ns)
            for (String b : ns)
                nested |= a != b && a.startsWith(b);
        NAMESPACES = nested ? null : ns;
    }

    /**
     * An IRI as Jena's N-Triples formatter writes it, when that is plain: {@code <iri>} if every
     * character is printable ASCII that {@code QuotedURI} leaves alone; else null.
     */
    static String plainNtUri(String u) {
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^'
                || c == '`' || c == '\\')
                return null;
        }
        return "<" + u + ">";
    }

    /**
     * True if Jena's Turtle formatter cannot write this IRI as a prefixed name with the dumps'
     * prefixes (it then writes it as N-Triples does): no namespace starts it, or what follows
     * the namespace holds '/' or '#' (PrefixLib.isSafeLocalPart).
     */
    private static boolean neverPrefixed(String u) {
        if (NAMESPACES == null)
            return false;
        for (String ns : NAMESPACES)
            if (u.startsWith(ns)) {
                for (int i = ns.length(); i < u.length(); i++) {
                    char c = u.charAt(i);
                    if (c == '/' || c == '#')
                        return true;
                }
                return false;
            }
        return true;
    }

    /** A term formatted as Jena formats it: IRIs that need no escapes or prefixes directly, others once per piece. */
    static final class Terms {
        private final NodeFormatter fmt;
        private final boolean turtle;
        private final Map<Node, String> cache = new HashMap<>();
        private final StringBuilderWriter w = new StringBuilderWriter();

        Terms(NodeFormatter fmt) {
            this.fmt = fmt;
            this.turtle = fmt instanceof NodeFormatterTTL;
        }

        /** N-Triples terms, as {@code NodeFmtLib.strNT} and the N-Quads writer format them. */
        static Terms nt() {
            return new Terms(new NodeFormatterNT(CharSpace.UTF8));
        }

        String get(Node n) {
            String s = cache.get(n);
            if (s == null && n.isURI()) {
                String u = n.getURI();
                if (!turtle || neverPrefixed(u)) {
                    s = plainNtUri(u);
                    if (s != null)
                        cache.put(n, s);
                }
            }
            if (s == null) {
                w.sb.setLength(0);
                fmt.format(w, n);
                s = w.sb.toString();
                if (turtle)
                    for (int i = 0; i < s.length(); i++) {
                        char c = s.charAt(i);
                        if (c == '\n' || c == '\r')
                            throw new MultiLine();
                    }
                cache.put(n, s);
            }
            return s;
        }
    }

    /** Thrown when a term would span lines: then Jena's own writer renders the piece. */
    private static final class MultiLine extends RuntimeException {
        MultiLine() {
            super(null, null, false, false);
        }
    }

    /** The layout of WriterStreamRDFBlocks over the column bookkeeping of IndentedWriter. */
    private final class Blocks {
        private final StringBuilder sb = new StringBuilder(BLOCK + 4096);
        private final StreamingDumps.Bytes out = new StreamingDumps.Bytes();
        private final Terms terms = ttl;
        // IndentedWriter: the prefix lines are already written, so the row is past the first.
        private int row = 2;
        private int column = 0;
        private int indent = 0;
        private boolean startingNewLine = true;
        // WriterStreamRDFBlocks
        private Node lastGraph;
        private Node lastSubject;
        private int graphIndent;

        StreamingDumps.Bytes bytes() {
            out.add(sb);
            return out;
        }

        /** Between statements (never inside a term): moves the text so far into byte blocks. */
        private void spill() {
            if (sb.length() >= BLOCK)
                out.add(sb);
        }

        // --- WriterStreamRDFBlocks -------------------------------------------------------

        void printBatchQuads(Node g, Node s, List<Triple> triples) {
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

        void printBatchTriples(Node s, List<Triple> triples) {
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

        void finalizeRun() {
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

    /** An AWriter into a StringBuilder, for Jena's node formatters. */
    static final class StringBuilderWriter implements AWriter {
        final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char ch) {
            sb.append(ch);
        }

        @Override
        public void write(char[] cbuf) {
            sb.append(cbuf);
        }

        @Override
        public void write(String string) {
            sb.append(string);
        }

        @Override
        public void print(char ch) {
            sb.append(ch);
        }

        @Override
        public void print(char[] cbuf) {
            sb.append(cbuf);
        }

        @Override
        public void print(String string) {
            sb.append(string);
        }

        @Override
        public void printf(String fmt, Object... arg) {
            sb.append(String.format(fmt, arg));
        }

        @Override
        public void println(String object) {
            sb.append(object).append('\n');
        }

        @Override
        public void println() {
            sb.append('\n');
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
