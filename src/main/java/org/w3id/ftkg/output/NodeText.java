package org.w3id.ftkg.output;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.io.output.StringBuilderWriter;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.Writer2;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.w3id.ftkg.model.Vocab;

/**
 * Terms as Jena's {@link NodeFormatterTTL} (dumps' prefixes) or {@link NodeFormatterNT} writes them; common IRIs
 * written here, as Jena's go a character at a time, the larger part of a build. Not thread-safe.
 */
final class NodeText {
    /** The dumps' namespaces and their prefixes. */
    private static final String[] NS = Vocab.PREFIXES.values().toArray(String[]::new),
        PREFIX = Vocab.PREFIXES.keySet().toArray(String[]::new);
    /** ASCII characters Jena's QuotedURI leaves alone; and those of a local name it always writes as they are. */
    private static final boolean[] URI_CHAR = new boolean[128], LOCAL_CHAR = new boolean[128];
    /** Every namespace ends in '/' or '#': then only the one up to an IRI's last '/' or '#' can prefix it. */
    private static final boolean SEPARATED;
    static {
        SEPARATED = Stream.of(NS).allMatch(ns -> ns.endsWith("/") || ns.endsWith("#"));
        for (char c = '!'; c < 0x7f; c++) {
            URI_CHAR[c] = "<>\"{}|^`\\".indexOf(c) < 0;
            LOCAL_CHAR[c] = Character.isLetterOrDigit(c) || c == '_' || c == '-';
        }
    }

    /** Kept small: the cache lives as long as a dump is written, and only repeated terms pay off. */
    private static final int CACHE_LIMIT = 1 << 14;

    private final NodeFormatter fmt;
    private final boolean turtle;
    private final Map<Node, String> cache = new HashMap<>();
    private final StringBuilderWriter buffer = new StringBuilderWriter();
    private final AWriter w = Writer2.wrapNoBuffer(buffer);

    private NodeText(NodeFormatter fmt) {
        this.fmt = fmt;
        this.turtle = fmt instanceof NodeFormatterTTL;
    }

    /** The dumps' prefixes, as a writer knows them after the prefix lines. */
    static PrefixMap prefixes() {
        PrefixMap pm = PrefixMapFactory.create();
        Vocab.PREFIXES.forEach(pm::add);
        return pm;
    }

    /** Turtle terms with the dumps' prefixes. */
    static NodeText turtle() {
        return new NodeText(new NodeFormatterTTL(null, prefixes()));
    }

    /** N-Triples terms, as {@code NodeFmtLib.strNT} and the N-Quads writer format them. */
    static NodeText nt() {
        return new NodeText(new NodeFormatterNT(CharSpace.UTF8));
    }

    /** Appends the term as Jena writes it: plain IRIs here, other IRIs (which repeat) cached, literals by Jena. */
    void append(StringBuilder sb, Node n) {
        if (n.isLiteral() && plainString(n)) {
            sb.append('"').append(n.getLiteralLexicalForm()).append('"');
            if (!n.getLiteralLanguage().isEmpty())
                sb.append('@').append(n.getLiteralLanguage());
            return;
        }
        if (!n.isURI()) {
            buffer.getBuilder().setLength(0);
            fmt.format(w, n);
            sb.append(buffer.getBuilder());
            return;
        }
        String u = n.getURI();
        // As PrefixMapStd.abbrev looks first: the namespace up to the last '/' or '#'.
        int local = turtle ? Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')) + 1 : 0;
        String prefix = null;
        for (int i = 0; turtle && prefix == null && i < NS.length; i++)
            if (NS[i].length() == local && u.startsWith(NS[i]))
                prefix = PREFIX[i];
        if (prefix != null && local < u.length() && LOCAL_CHAR[u.charAt(local)] && u.charAt(local) != '-'
            && all(u, local, LOCAL_CHAR)) {
            sb.append(prefix).append(':').append(u, local, u.length());
            return;
        }
        if ((!turtle || prefix == null && SEPARATED) && all(u, 0, URI_CHAR)) {
            sb.append('<').append(u).append('>');
            return;
        }
        String s = cache.get(n);
        if (s == null) {
            if (cache.size() >= CACHE_LIMIT)
                cache.clear();
            buffer.getBuilder().setLength(0);
            fmt.format(w, n);
            cache.put(n, s = buffer.toString());
        }
        sb.append(s);
    }

    /** A string or language-tagged literal (no direction) that Jena's formatters write without escapes. */
    private static boolean plainString(Node n) {
        if (n.getLiteralBaseDirection() != null
            || n.getLiteralLanguage().isEmpty() && !XSDDatatype.XSDstring.equals(n.getLiteralDatatype()))
            return false;
        String lex = n.getLiteralLexicalForm();
        for (int i = 0; i < lex.length(); i++) {
            char c = lex.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\uFFFD' || Character.isSurrogate(c))
                return false;
        }
        return true;
    }

    private static boolean all(String u, int from, boolean[] allowed) {
        for (int i = from; i < u.length(); i++) {
            char c = u.charAt(i);
            if (c >= 0x80 || !allowed[c])
                return false;
        }
        return true;
    }
}
