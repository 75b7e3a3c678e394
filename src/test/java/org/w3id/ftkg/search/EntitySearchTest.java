package org.w3id.ftkg.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.text.TextIndex;
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
    TextIndex index;
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
        assertEquals("+(el^4 el*^2) +(chapo^4 chapo*^2 chapo~1) +(guzmanes^4 guzmanes*^2 guzmanes~2)",
            EntitySearch.lucene(List.of("el", "chapo", "guzmanes")));
        assertEquals("+(u.s^4 u.s*^2)", EntitySearch.lucene(List.of("u.s")));
    }
}
