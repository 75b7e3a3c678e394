package org.w3id.ftkg.output;

import java.util.HashMap;
import java.util.Map;

import org.apache.commons.io.output.StringBuilderWriter;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.Writer2;
import org.apache.jena.atlas.lib.CharSpace;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterNT;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.w3id.ftkg.model.Vocab;

/**
 * Terms as Jena's own {@link NodeFormatterTTL} and {@link NodeFormatterNT} write them, cached
 * (predicates, classes and entities repeat) and with plain IRIs written directly: Jena's
 * formatters go through an {@code IndentedWriter} one character at a time. Not thread-safe.
 */
final class NodeText {
    /** The dumps' prefixes, as a writer knows them after the prefix lines. */
    static PrefixMap prefixes() {
        PrefixMap pm = PrefixMapFactory.create();
        Vocab.PREFIXES.forEach(pm::add);
        return pm;
    }

    /** Turtle terms with the dumps' prefixes. */
    static NodeText turtle(PrefixMap prefixes) {
        return new NodeText(new NodeFormatterTTL(null, prefixes));
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

    private final NodeFormatter fmt;
    private final boolean turtle;
    private final Map<Node, String> cache = new HashMap<>();
    private final StringBuilderWriter buffer = new StringBuilderWriter();
    private final AWriter w = Writer2.wrapNoBuffer(buffer);

    NodeText(NodeFormatter fmt) {
        this.fmt = fmt;
        this.turtle = fmt instanceof NodeFormatterTTL;
    }

    /** N-Triples terms, as {@code NodeFmtLib.strNT} and the N-Quads writer format them. */
    static NodeText nt() {
        return new NodeText(new NodeFormatterNT(CharSpace.UTF8));
    }

    /** Kept small: the cache lives as long as a dump is written, and only repeated terms pay off. */
    private static final int CACHE_LIMIT = 1 << 14;

    /**
     * The term as Jena writes it. Plain IRIs are written directly and literals formatted each time
     * (most are distinct: a cache of them only costs lookups); IRIs written as prefixed names or
     * with escapes, which repeat (predicates, classes, entities), are cached.
     */
    String get(Node n) {
        if (!n.isURI())
            return format(n);
        String u = n.getURI();
        if (!turtle || neverPrefixed(u)) {
            String plain = plainNtUri(u);
            if (plain != null)
                return plain;
        }
        String s = cache.get(n);
        if (s == null) {
            if (cache.size() >= CACHE_LIMIT)
                cache.clear();
            s = format(n);
            cache.put(n, s);
        }
        return s;
    }

    private String format(Node n) {
        buffer.getBuilder().setLength(0);
        fmt.format(w, n);
        return buffer.toString();
    }
}
