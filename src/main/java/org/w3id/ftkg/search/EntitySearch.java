package org.w3id.ftkg.search;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.io.function.Uncheck;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.G;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.w3id.ftkg.model.Vocab;

/**
 * Searches the text index the way a person types: every query word must match a word of one name
 * (exactly, as a prefix, or within one or two typing errors) after folding accents and case. Ranked by
 * how each thing's best name matched (exact, all words, prefix, fuzzy), then by the share of the name
 * the query covers, then label before alias before description, then Lucene's score.
 * It keeps one Lucene searcher: jena-text opens a reader per query (25-40 ms at 100,000 facts, against 0.5-2.5 ms).
 */
public final class EntitySearch implements AutoCloseable {
    /** Longer queries are refused: nobody types a name this long, and each word costs a fuzzy expansion. */
    public static final int MAX_QUERY_CHARS = 200;
    public static final int MAX_WORDS = 12;
    public static final int DEFAULT_LIMIT = 10, MAX_LIMIT = 50;
    /** Names read from the index per thing asked for: a thing can match through several names. */
    private static final int HITS_PER_RESULT = 4;
    private static final List<String> KINDS = List.of("exact", "words", "prefix", "fuzzy");
    /** The index's text fields, and (at the same place) what a match in each is called. */
    private static final List<String> INDEX_FIELDS = List.of(SearchIndex.LABEL, SearchIndex.ALT_LABEL, SearchIndex.DESCRIPTION);
    private static final List<String> FIELDS = List.of("label", "alias", "description");

    private final DatasetGraph dsg;
    private final SearcherManager searchers;
    private final FoldingAnalyzer analyzer = new FoldingAnalyzer();

    /** Reads {@code index} as committed when this opens; {@code dsg}'s default graph is the union of its graphs. */
    public EntitySearch(TextIndexLucene index, DatasetGraph dsg) {
        this.dsg = dsg;
        this.searchers = Uncheck.get(() -> new SearcherManager(index.getDirectory(), null));
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

        // The best-matching name of each thing: words and prefixes first; only if they find too few
        // things, typing errors too (a fuzzy term costs far more than an exact one).
        Map<String, Ranked> best = new LinkedHashMap<>();
        collect(query(words, false), words, n, best);
        if (best.size() < n)
            collect(query(words, true), words, n, best);
        List<Ranked> top = best.values().stream().sorted(ORDER).limit(n).toList();
        return dsg.calculateRead(() -> top.stream().map(r -> describe(r, dsg.getDefaultGraph())).toList());
    }

    private void collect(Query query, List<String> words, int n, Map<String, Ranked> best) {
        Uncheck.run(() -> {
            IndexSearcher searcher = searchers.acquire();
            try {
                StoredFields stored = searcher.storedFields();
                for (ScoreDoc sd : searcher.search(query, n * HITS_PER_RESULT).scoreDocs) {
                    Ranked r = ranked(stored.document(sd.doc), words, sd.score);
                    if (r != null)
                        best.merge(r.thing(), r, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
                }
            } finally {
                searchers.release(searcher);
            }
        });
    }

    @Override
    public void close() {
        Uncheck.run(searchers::close);
    }

    /** A thing's best name: how it matched, and what share of the name's words the query covers. */
    private record Ranked(String thing, SearchHit.Match match, double coverage, float score) {}

    private static final Comparator<Ranked> ORDER = Comparator
        .<Ranked>comparingInt(r -> KINDS.indexOf(r.match().kind()))
        .thenComparing(Comparator.comparingDouble(Ranked::coverage).reversed())
        .thenComparingInt(r -> FIELDS.indexOf(r.match().field()))
        .thenComparing(Comparator.comparingDouble((Ranked r) -> r.score()).reversed())
        .thenComparing(Ranked::thing);

    /**
     * Every word required in any text field, as a term or a prefix (from three letters), boosted in that order; with
     * {@code fuzzy}, also as a name's word within one typing error (from four letters; two from seven; the first
     * letter right). The words are analyzed already: nothing the user typed is parsed as query syntax.
     */
    static Query query(List<String> words, boolean fuzzy) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (String field : INDEX_FIELDS) {
                Term t = new Term(field, w);
                any.add(new BoostQuery(new TermQuery(t), 4), BooleanClause.Occur.SHOULD);
                if (w.length() >= 3)
                    any.add(new BoostQuery(new PrefixQuery(t), 2), BooleanClause.Occur.SHOULD);
                if (fuzzy && w.length() >= 4 && !field.equals(SearchIndex.DESCRIPTION))
                    any.add(new FuzzyQuery(t, w.length() >= 7 ? 2 : 1, 1), BooleanClause.Occur.SHOULD);
            }
            all.add(any.build(), BooleanClause.Occur.MUST);
        }
        return all.build();
    }

    /** A document of the index (one name or description of one thing) as a ranked match. */
    private Ranked ranked(Document doc, List<String> words, float score) {
        String thing = doc.get(SearchIndex.URI);
        for (int i = 0; i < INDEX_FIELDS.size() && thing != null; i++) {
            String text = doc.get(INDEX_FIELDS.get(i));
            if (text == null)
                continue;
            List<String> terms = analyzer.terms(text);
            String lang = Objects.requireNonNullElse(doc.get(SearchIndex.LANG), "");
            SearchHit.Match m = new SearchHit.Match(FIELDS.get(i), lang, text, kind(terms, words));
            return new Ranked(thing, m, Math.min(1.0, (double) words.size() / Math.max(1, terms.size())), score);
        }
        return null;
    }

    /** How a name's words match the query's words. */
    static String kind(List<String> terms, List<String> words) {
        if (terms.equals(words))
            return "exact";
        if (terms.containsAll(words))
            return "words";
        if (words.stream().allMatch(w -> terms.stream().anyMatch(t -> t.startsWith(w))))
            return "prefix";
        return "fuzzy";
    }

    private static SearchHit describe(Ranked r, Graph g) {
        String iri = r.thing();
        Node s = NodeFactory.createURI(iri);
        Node type = first(g, s, Vocab.TYPE, null);
        Node description = first(g, s, Vocab.COMMENT, "en");
        if (description == null)
            description = first(g, s, Vocab.DESCRIPTION, "en");
        return new SearchHit(iri.substring(iri.lastIndexOf('/') + 1), iri, label(g, s),
            description == null ? null : description.getLiteralLexicalForm(),
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

    /** The first object in a fixed order, preferring {@code lang}: the store's order varies and a page must not. */
    private static Node first(Graph g, Node s, Node p, String lang) {
        return G.allSP(g, s, p).stream().min(Comparator
            .comparing((Node o) -> lang == null || !o.isLiteral() || !lang.equals(o.getLiteralLanguage()))
            .thenComparing((Node o) -> o.toString())).orElse(null);
    }
}
