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

    @Test
    void termsAreFoundWhereverTheQueryNamesThem() {
        assertEquals(List.of("ftkg:pathTerm"), names("SELECT * { ?x ftkg:agent/^ftkg:pathTerm* ?y }"));
        assertEquals(List.of("ftkg:negated"), names("SELECT * { ?x !(ftkg:negated|rdfs:label) ?y }"));
        assertEquals(List.of("ftkg:InFilter"), names("SELECT * { ?x a ?c FILTER(?c = ftkg:InFilter) }"));
        assertEquals(List.of("ftkg:InExists"), names("SELECT * { ?x ?p ?o FILTER NOT EXISTS { ?x a ftkg:InExists } }"));
        assertEquals(List.of("ftkg:InValues"), names("SELECT * { VALUES ?c { ftkg:InValues ftkg:Event } ?x a ?c }"));
        assertEquals(List.of("ftkg:InBind"), names("SELECT * { BIND(ftkg:InBind AS ?c) ?x a ?c }"));
        assertEquals(List.of("ftkg:InSubquery"), names("SELECT * { { SELECT ?x { ?x a ftkg:InSubquery } } }"));
        assertEquals(List.of("ftkg:InGraph"), names("SELECT * { GRAPH ?g { ?x ftkg:InGraph ?y } }"));
        assertEquals(List.of("ftkg:InTemplate"), names("CONSTRUCT { ?x a ftkg:InTemplate } WHERE { ?x a ftkg:Event }"));
        assertEquals(List.of("ftkg:Described"), names("DESCRIBE ftkg:Described"));
        assertEquals(List.of("ftkg:InAsk"), names("ASK { ?x ftkg:InAsk ?y }"));
        assertEquals(List.of("ftkg:AfterValues"), names("SELECT * { ?x a ?c } VALUES ?c { ftkg:AfterValues }"));
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
