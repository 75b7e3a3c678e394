package org.w3id.ftkg.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.w3id.ftkg.model.Vocab;

/**
 * Searches the text index the way a person types: every word of the query must match a word
 * of one name or description, exactly, as a prefix or within one or two typing errors, after
 * folding accents and case. Results are ranked by how the best name of each thing matched:
 * an exact name before all its words, before a prefix, before a fuzzy match; then a name the
 * query covers more of ("Chapo" is half of "El Chapo", a tenth of a headline); then a label
 * before an alias before a description; then by Lucene's score.
 */
public final class EntitySearch {
    /** Longer queries are refused: nobody types a name this long, and each word costs a fuzzy expansion. */
    public static final int MAX_QUERY_CHARS = 200;
    public static final int MAX_WORDS = 12;
    public static final int DEFAULT_LIMIT = 10, MAX_LIMIT = 50;
    /** Names read from the index per thing asked for: a thing can match through many names. */
    private static final int HITS_PER_RESULT = 8;
    private static final List<String> KINDS = List.of("exact", "words", "prefix", "fuzzy");
    private static final List<String> FIELDS = List.of("label", "alias", "description");
    private static final List<Resource> PROPERTIES = SearchIndex.PREDICATES.stream()
        .map(p -> (Resource) ResourceFactory.createProperty(p.getURI())).toList();

    private final TextIndex index;
    private final DatasetGraph dsg;
    private final FoldingAnalyzer analyzer = new FoldingAnalyzer();

    /** @param dsg the served dataset, whose default graph is the union of its graphs */
    public EntitySearch(TextIndex index, DatasetGraph dsg) {
        this.index = index;
        this.dsg = dsg;
    }

    public TextIndex index() {
        return index;
    }

    /** A query the search refuses (too long); the route answers 400 with the message. */
    public static final class QueryRefused extends IllegalArgumentException {
        QueryRefused(String message) {
            super(message);
        }
    }

    /** The best {@code limit} things for {@code query}; none for a query without words. */
    public List<SearchHit> search(String query, int limit) {
        if (query == null)
            return List.of();
        if (query.length() > MAX_QUERY_CHARS)
            throw new QueryRefused("the query is longer than " + MAX_QUERY_CHARS + " characters");
        List<String> words = analyzer.terms(query);
        if (words.isEmpty())
            return List.of();
        if (words.size() > MAX_WORDS)
            throw new QueryRefused("the query has more than " + MAX_WORDS + " words");
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        List<TextHit> hits = index.query(PROPERTIES, lucene(words), null, null, n * HITS_PER_RESULT, null);

        // The best-matching name of each thing.
        Map<Node, Ranked> best = new LinkedHashMap<>();
        for (TextHit h : hits) {
            if (h.getLiteral() == null)
                continue;
            int nameWords = Math.max(1, analyzer.terms(h.getLiteral().getLiteralLexicalForm()).size());
            Ranked r = new Ranked(h.getNode(), match(h, words), Math.min(1.0, (double) words.size() / nameWords), h.getScore());
            best.merge(h.getNode(), r, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
        }
        List<Ranked> ranked = new ArrayList<>(best.values());
        ranked.sort(ORDER);
        List<Ranked> top = ranked.subList(0, Math.min(n, ranked.size()));
        return dsg.calculateRead(() -> top.stream().map(r -> describe(r, dsg.getDefaultGraph())).toList());
    }

    /** A thing's best name: how it matched, and what share of the name's words the query covers. */
    private record Ranked(Node thing, SearchHit.Match match, double coverage, float score) {}

    private static final Comparator<Ranked> ORDER = Comparator
        .<Ranked>comparingInt(r -> KINDS.indexOf(r.match().kind()))
        .thenComparing(Comparator.comparingDouble(Ranked::coverage).reversed())
        .thenComparingInt(r -> FIELDS.indexOf(r.match().field()))
        .thenComparing(Comparator.comparingDouble((Ranked r) -> r.score()).reversed())
        .thenComparing(r -> r.thing().getURI());

    /**
     * The Lucene query: every word required, each as a term, a prefix (from two letters) or a
     * fuzzy term (from four letters; two edits from seven), boosted in that order. The words
     * are already analyzed and escaped, so no query syntax from the user reaches the parser.
     */
    static String lucene(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            String t = QueryParserBase.escape(w);
            b.append("+(").append(t).append("^4");
            if (w.length() >= 2)
                b.append(' ').append(t).append("*^2");
            if (w.length() >= 4)
                b.append(' ').append(t).append('~').append(w.length() >= 7 ? 2 : 1);
            b.append(") ");
        }
        return b.toString().trim();
    }

    /** How a name matched the query's words. */
    SearchHit.Match match(TextHit h, List<String> words) {
        Node lit = h.getLiteral();
        String text = lit.getLiteralLexicalForm();
        Node p = h.getProp();
        String field = Vocab.LABEL.equals(p) ? "label" : Vocab.ALT_LABEL.equals(p) ? "alias" : "description";
        List<String> terms = analyzer.terms(text);
        String kind;
        if (terms.equals(words))
            kind = "exact";
        else if (terms.containsAll(words))
            kind = "words";
        else if (words.stream().allMatch(w -> terms.stream().anyMatch(t -> t.startsWith(w))))
            kind = "prefix";
        else
            kind = "fuzzy";
        return new SearchHit.Match(field, lit.getLiteralLanguage(), text, kind);
    }

    private static SearchHit describe(Ranked r, Graph g) {
        Node s = r.thing();
        String iri = s.getURI();
        Node type = first(g, s, Vocab.TYPE, null);
        Node description = first(g, s, Vocab.COMMENT, "en");
        if (description == null)
            description = first(g, s, Vocab.DESCRIPTION, "en");
        return new SearchHit(iri.substring(iri.lastIndexOf('/') + 1), iri, label(g, s), lexical(description),
            type == null ? null : type.getURI(), type == null ? null : label(g, type), r.match());
    }

    /** The English label, or any label, or the IRI's last segment. */
    static String label(Graph g, Node n) {
        Node l = first(g, n, Vocab.LABEL, "en");
        if (l != null)
            return l.getLiteralLexicalForm();
        String u = n.getURI();
        return u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
    }

    /**
     * The first object in a fixed order (its string form), preferring {@code lang}: sets of
     * values come back from the store in no particular order, and a page must not change between
     * two requests.
     */
    private static Node first(Graph g, Node s, Node p, String lang) {
        Node best = null;
        var it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (best == null || prefer(o, best, lang))
                    best = o;
            }
        } finally {
            it.close();
        }
        return best;
    }

    private static boolean prefer(Node o, Node best, String lang) {
        if (lang != null && o.isLiteral() && best.isLiteral()) {
            boolean a = lang.equals(o.getLiteralLanguage()), b = lang.equals(best.getLiteralLanguage());
            if (a != b)
                return a;
        }
        return o.toString().compareTo(best.toString()) < 0;
    }

    private static String lexical(Node n) {
        return n == null ? null : n.getLiteralLexicalForm();
    }
}
