package org.w3id.ftkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/** Ranking and matching over a small in-memory index, name by name. */
class EntitySearchTest {
    DatasetGraph dsg;
    TextIndexLucene index;
    EntitySearch search;

    static Node id(String slug) {
        return NodeFactory.createURI(Iris.ID + slug);
    }

    void add(String slug, Node p, String text, String lang) {
        dsg.getDefaultGraph().add(id(slug), p, lang == null ? NodeFactory.createLiteralString(text) : NodeFactory.createLiteralLang(text, lang));
    }

    @BeforeEach
    void index() {
        dsg = DatasetGraphFactory.createTxnMem();
        dsg.executeWrite(() -> {
            add("sinaloa", Vocab.LABEL, "Sinaloa", "en");
            add("sinaloa-cartel", Vocab.LABEL, "Sinaloa Cartel", "en");
            add("sinaloa-cartel", Vocab.LABEL, "Cártel de Sinaloa", "es");
            add("sinaloa-cartel", Vocab.ALT_LABEL, "Sinaloa cartel", null);
            add("alias-only", Vocab.ALT_LABEL, "Sinaloa", null);
            add("described", Vocab.COMMENT, "A faction of the Sinaloa Cartel.", "en");
            add("described", Vocab.LABEL, "Los Chapitos", "en");
            // Outside /id/: not indexed.
            dsg.getDefaultGraph().add(NodeFactory.createURI(Iris.ONTOLOGY + "Sinaloa"), Vocab.LABEL, NodeFactory.createLiteralString("Sinaloa"));
        });
        index = dsg.calculateRead(() -> SearchIndex.inMemory(dsg.getDefaultGraph()));
        search = new EntitySearch(index, dsg);
    }

    @AfterEach
    void close() {
        search.close();
        index.close();
    }

    List<String> ids(String q) {
        return search.search(q, 10).stream().map(SearchHit::id).toList();
    }

    @Test
    void anExactLabelBeforeAnExactAliasBeforeAPartialName() {
        List<SearchHit> hits = search.search("sinaloa", 10);
        assertEquals(List.of("sinaloa", "alias-only", "sinaloa-cartel", "described"), hits.stream().map(SearchHit::id).toList());
        assertEquals(new SearchHit.Match("label", "en", "Sinaloa", "exact"), hits.get(0).match());
        assertEquals(new SearchHit.Match("alias", "", "Sinaloa", "exact"), hits.get(1).match());
        assertEquals("words", hits.get(2).match().kind());
        assertEquals(new SearchHit.Match("description", "en", "A faction of the Sinaloa Cartel.", "words"), hits.get(3).match());
        assertEquals("A faction of the Sinaloa Cartel.", hits.get(3).description());
    }

    @Test
    void prefixThenFuzzy() {
        assertEquals("prefix", search.search("sinal", 10).get(0).match().kind());
        SearchHit fuzzy = search.search("sinaola", 10).get(0);
        assertEquals("fuzzy", fuzzy.match().kind());
        assertEquals(List.of("sinaloa-cartel"), ids("cartle de sinaloa").subList(0, 1));
    }

    @Test
    void theSpanishNameMatchesButTheEnglishLabelIsShown() {
        SearchHit h = search.search("cartel de sinaloa", 10).get(0);
        assertEquals("sinaloa-cartel", h.id());
        assertEquals("Sinaloa Cartel", h.label());
        assertEquals(new SearchHit.Match("label", "es", "Cártel de Sinaloa", "exact"), h.match());
    }

    @Test
    void everyWordMustMatch() {
        assertEquals(List.of("sinaloa-cartel", "described"), ids("sinaloa cartel"));
        assertEquals(List.of(), ids("sinaloa tijuana"));
    }

    @Test
    void queriesWithoutWordsFindNothingAndHugeOnesAreRefused() {
        assertEquals(List.of(), ids(""));
        assertEquals(List.of(), ids("*?~"));
        assertEquals(List.of(), search.search(null, 10));
        assertThrows(EntitySearch.QueryRefused.class, () -> search.search("x".repeat(EntitySearch.MAX_QUERY_CHARS + 1), 10));
    }

    @Test
    void theLuceneQueryIsBuiltFromAnalyzedWordsOnly() {
        assertEquals("+((label:el)^4.0 (altLabel:el)^4.0 (description:el)^4.0) "
            + "+((label:guzmanes)^4.0 (label:guzmanes*)^2.0 (altLabel:guzmanes)^4.0 (altLabel:guzmanes*)^2.0 "
            + "(description:guzmanes)^4.0 (description:guzmanes*)^2.0)",
            EntitySearch.query(List.of("el", "guzmanes"), false).toString());
        assertEquals("+((label:chapo)^4.0 (label:chapo*)^2.0 label:chapo~1 (altLabel:chapo)^4.0 (altLabel:chapo*)^2.0 altLabel:chapo~1 "
            + "(description:chapo)^4.0 (description:chapo*)^2.0)",
            EntitySearch.query(List.of("chapo"), true).toString(), "typing errors only in names");
        assertEquals("+((label:u.s)^4.0 (label:u.s*)^2.0 (altLabel:u.s)^4.0 (altLabel:u.s*)^2.0 (description:u.s)^4.0 (description:u.s*)^2.0)",
            EntitySearch.query(List.of("u.s"), true).toString());
    }

    @Test
    void typingErrorsAreLookedForOnlyWhenWordsFindTooFew() {
        // "sinaloa" finds four things exactly or by words: with a limit of 3, no fuzzy match is needed.
        assertEquals(List.of("exact", "exact", "words"), search.search("sinaloa", 3).stream().map(h -> h.match().kind()).toList());
        // "sinaloo" finds nothing by words or prefix: the typing error is forgiven.
        assertEquals("fuzzy", search.search("sinaloo", 3).get(0).match().kind());
    }
}
