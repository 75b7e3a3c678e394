package org.w3id.ftkg.serve.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;

/** Which {@code ftkg:} terms of a query the ontology (ontology/ftkg.ttl) lacks, wherever the query names them. */
class UnknownTermsTest {
    static final String PREFIXES = """
        PREFIX ftkg: <https://w3id.org/ftkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;
    static UnknownTerms terms;

    @BeforeAll
    static void ontology() {
        Set<String> names = new TreeSet<>();
        Ontology.load(TestProject.ROOT, new Problems()).orElseThrow().graph().find().forEachRemaining(t -> {
            Node s = t.getSubject();
            if (s.isURI() && s.getURI().startsWith(Iris.ONTOLOGY))
                names.add(s.getURI().substring(Iris.ONTOLOGY.length()));
        });
        terms = new UnknownTerms(names);
    }

    static List<String> unknown(String where) {
        return terms.in(QueryFactory.create(PREFIXES + where)).stream().map(UnknownTerms.Unknown::text).toList();
    }

    @Test
    void aMisspeltClassAndPropertyAreNamedWithTheNearestDefinedTerm() {
        assertEquals(List.of("ftkg:Inditment (did you mean ftkg:Indictment?)", "ftkg:targt (did you mean ftkg:target?)"),
            unknown("SELECT * { ?x a ftkg:Inditment ; ftkg:targt ?t }"));
    }

    @Test
    void letterCaseAloneIsCaughtAndSuggested() {
        assertEquals(List.of("ftkg:indictment (did you mean ftkg:Indictment?)"), unknown("SELECT * { ?x a ftkg:indictment }"));
    }

    @Test
    void aTermFarFromEveryDefinedOneHasNoSuggestion() {
        assertEquals(List.of("ftkg:Zzzzzzzzzzzzzz"), unknown("SELECT * { ?x ftkg:Zzzzzzzzzzzzzz ?y }"));
    }

    @Test
    void theIssuesCofounderExampleIsUnknown() {
        List<String> u = unknown("SELECT * { ?x ftkg:cofounder ?y }");
        assertEquals(1, u.size());
        assertTrue(u.get(0).startsWith("ftkg:cofounder"), u.toString());
    }

    @Test
    void validQueriesHaveNoUnknownTerms() {
        assertEquals(List.of(), unknown("SELECT * { ?x a/rdfs:subClassOf* ftkg:Event ; ftkg:target ?t ; ftkg:date ?d }"));
        assertEquals(List.of(), unknown("SELECT * { ?x ftkg:status ftkg:Charged }"));
    }

    @Test
    void otherNamespacesAreNeverJudged() {
        assertEquals(List.of(), unknown("SELECT * { ?x rdfs:lable ?l ; <http://example.org/ftkg#Inditment> ?y ; a <https://w3id.org/ftkg/ontology> }"));
    }

    /** Each query names one unknown term, {@code ftkg:Here}, in a different place. */
    static final String[] PLACES = {
        "SELECT * { ?x ftkg:agent/^ftkg:Here* ?y }",
        "SELECT * { ?x !(ftkg:Here|rdfs:label) ?y }",
        "SELECT * { ?x a ?c FILTER(?c = ftkg:Here) }",
        "SELECT * { ?x ?p ?o FILTER NOT EXISTS { ?x a ftkg:Here } }",
        "SELECT * { VALUES ?c { ftkg:Here ftkg:Event } ?x a ?c }",
        "SELECT * { BIND(ftkg:Here AS ?c) ?x a ?c }",
        "SELECT * { { SELECT ?x { ?x a ftkg:Here } } }",
        "SELECT * { GRAPH ?g { ?x ftkg:Here ?y } }",
        "CONSTRUCT { ?x a ftkg:Here } WHERE { ?x a ftkg:Event }",
        "DESCRIBE ftkg:Here",
        "ASK { ?x ftkg:Here ?y }",
        "SELECT * { ?x a ?c } VALUES ?c { ftkg:Here }" };

    @Test
    void termsAreFoundWhereverTheQueryNamesThem() {
        for (String query : PLACES)
            assertEquals(List.of("ftkg:Here"), names(query), query);
    }

    static List<String> names(String query) {
        return unknown(query).stream().map(t -> t.split(" ")[0]).toList();
    }

    @Test
    void theHeaderIsAsciiWithOtherCharactersPercentEncoded() {
        var u = terms.in(QueryFactory.create(PREFIXES + "SELECT * { ?x a ftkg:Índictment , ftkg:Inditment }"));
        String header = UnknownTerms.header(u, 20);
        assertEquals("ftkg:%C3%8Dndictment (did you mean ftkg:Indictment?), ftkg:Inditment (did you mean ftkg:Indictment?)", header);
        assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), header);
        assertEquals("ftkg:%C3%8Dndictment (did you mean ftkg:Indictment?)", UnknownTerms.header(u, 1));
    }

    @Test
    void withoutAnOntologyNothingIsJudged() {
        assertEquals(List.of(), new UnknownTerms(Set.of()).in(QueryFactory.create(PREFIXES + "SELECT * { ?x a ftkg:Inditment }")));
    }
}
