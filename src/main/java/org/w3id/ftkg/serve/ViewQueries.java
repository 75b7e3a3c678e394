package org.w3id.ftkg.serve;

import static org.w3id.ftkg.serve.LinkedDataStore.select;
import static org.w3id.ftkg.serve.LinkedDataStore.str;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.system.G;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/** The data behind the timeline, network and sources views, read by lookups and SPARQL so they work for any corpus. */
public final class ViewQueries {
    /** The roles an actor takes in an event. */
    static final List<Node> ROLES = List.of(Iris.term("agent"), Iris.term("target"), Iris.term("participant"),
        Iris.term("place"));

    private static final List<String> CATEGORIES = List.of("Person", "Organization", "Place", "Substance", "Event");

    private final DatasetGraph dsg;

    public ViewQueries(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** A dated (or text-dated) event with its class's label, actors and evidence. */
    public record TimelineItem(String event, String label, String typeLabel, String date, String datatype, String dateText,
                               boolean inferred, String status, List<Actor> actors, List<Cited> evidence) {}

    /** Who or where takes part in an event, in which role (the local name: agent, target, participant, place). */
    public record Actor(String role, String iri, String label) {}

    /** A fact an event comes from, its source file and its quote. */
    public record Cited(String fact, String file, String quote) {}

    /** What the timeline shows: events of a type, with an actor, from a source (null or empty for any). */
    public record TimelineFilter(String type, String actor, String source) {}

    /** An edge, its fact, who claims it (empty when asserted) and, for a post held, the position shown for the predicate. */
    public record Edge(String from, String to, String predicate, String fact, String quote, String claimedBy,
                       String position) {}

    /** A thing's English label and its class's label. */
    public record Thing(String label, String kind) {}

    /** How many facts a source gives, and how many things with an entity record they mention. */
    public record SourceCounts(long facts, long entities) {}

    /** What a source's own text says about it, as labels; null where it says nothing (several values joined by "; "). */
    public record SourceMetadata(String title, String author, String publisher, String date) {}

    /** The timeline rows of these events, in this order: actors by role then label, facts by IRI, all by lookups. */
    public List<TimelineItem> items(List<String> events, LinkedDataStore store) {
        List<TimelineItem> out = new ArrayList<>();
        for (String iri : events) {
            Node e = Iris.uri(iri);
            store.event(e).ifPresent(it -> dsg.executeRead(() -> {
                for (Node role : ROLES)
                    dsg.getDefaultGraph().find(e, role, Node.ANY).toList().stream()
                        .map(t -> new Actor(role.getLocalName(), t.getObject().getURI(), store.label(t.getObject())))
                        .sorted(Comparator.comparing(Actor::label)).forEach(it.actors()::add);
                TreeSet<Node> facts = new TreeSet<>(Comparator.comparing(Node::getURI));
                dsg.find(Node.ANY, e, Vocab.TYPE, Node.ANY).forEachRemaining(q -> {
                    if (Iris.isFactGraph(q.getGraph()))
                        facts.add(q.getGraph());
                });
                for (Node f : facts) {
                    Node quote = G.getSP(dsg.getGraph(Iris.PROVENANCE_GRAPH), f, Vocab.PROV_VALUE);
                    String file = store.sourceFile(f);
                    if (quote != null && file != null)
                        it.evidence().add(new Cited(f.getURI(), file, quote.getLiteralLexicalForm()));
                }
                out.add(it);
            }));
        }
        return out;
    }

    /**
     * The broad kind the network draws each class as (one colour, one shape): the first of {@link #CATEGORIES} it is
     * a subclass of ("other" if none), keyed by its English label, which the network's nodes carry (labels are unique).
     */
    public Map<String, String> classCategories() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < CATEGORIES.size(); i++)
            values.append(" (<").append(Iris.ONTOLOGY).append(CATEGORIES.get(i)).append("> ").append(i).append(')');
        Map<String, String> out = new HashMap<>();
        for (Binding r : select(dsg, LinkedDataStore.PREFIXES + """
            SELECT ?label (MIN(?rank) AS ?first) WHERE {
              VALUES (?root ?rank) { %s }
              ?class rdfs:subClassOf* ?root ; rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
            } GROUP BY ?label""".formatted(values)))
            out.put(str(r, "label"), CATEGORIES.get(Integer.parseInt(str(r, "first"))).toLowerCase(Locale.ROOT));
        return Map.copyOf(out);
    }

    /** The classes of events (ftkg:Event and below) with their English labels: read from the ontology. */
    public Map<String, String> eventTypes() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Binding r : select(dsg, LinkedDataStore.PREFIXES + """
            SELECT ?type ?label WHERE {
              GRAPH <https://w3id.org/ftkg/graph/ontology> { ?type rdfs:subClassOf* ftkg:Event ; rdfs:label ?label FILTER(LANG(?label) = "en") }
            }"""))
            out.putIfAbsent(str(r, "type"), str(r, "label"));
        return out;
    }

    /** Facts and distinct entities per source file. */
    public Map<String, SourceCounts> sourceCounts() {
        Map<String, SourceCounts> out = new LinkedHashMap<>();
        for (Binding r : select(dsg, LinkedDataStore.PREFIXES + """
            SELECT ?file ?facts (COALESCE(?n, 0) AS ?entities) WHERE {
              { SELECT ?file (COUNT(DISTINCT ?fact) AS ?facts) WHERE {
                  GRAPH <https://w3id.org/ftkg/graph/provenance> { ?fact a ftkg:FactGraph ; prov:wasDerivedFrom/dcterms:identifier ?file }
                } GROUP BY ?file }
              OPTIONAL {
                # Things with an entity record that the source's facts mention (joined per fact graph, not across all graphs).
                { SELECT ?file (COUNT(DISTINCT ?entity) AS ?n) WHERE {
                    GRAPH <https://w3id.org/ftkg/graph/provenance> { ?fact a ftkg:FactGraph ; prov:wasDerivedFrom/dcterms:identifier ?file }
                    GRAPH ?fact { { ?entity ?p ?o } UNION { ?s ?p ?entity } }
                    ?entity ftkg:wikidataLinkStatus ?st   # the default graph is the union: one lookup, not a scan of every graph
                  } GROUP BY ?file }
              }
            } ORDER BY ?file"""))
            out.put(str(r, "file"), new SourceCounts(Long.parseLong(str(r, "facts")), Long.parseLong(str(r, "entities"))));
        return out;
    }

    /** The metadata a source's own text gives (title, authors in the byline's order, publisher, date), as labels. */
    public SourceMetadata sourceMetadata(String stem) {
        ParameterizedSparqlString q = new ParameterizedSparqlString(LinkedDataStore.PREFIXES + """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT ?p ?v ?pos WHERE {
              VALUES ?p { ftkg:title ftkg:author ftkg:publisher ftkg:date }
              ?src ?p ?x .
              OPTIONAL { ?x rdfs:label ?l FILTER(LANG(?l) = "en") }
              OPTIONAL { FILTER(?p = ftkg:author) ?src ftkg:authorList ?list . ?list ?n ?x
                         FILTER(STRSTARTS(STR(?n), STR(rdf:_))) BIND(xsd:integer(STRAFTER(STR(?n), "#_")) AS ?pos) }
              BIND(COALESCE(?l, STR(?x)) AS ?v)
            } ORDER BY ?p ?pos ?v""");
        q.setIri("src", Iris.SOURCE + stem);
        Map<String, String> out = new LinkedHashMap<>();
        for (Binding r : select(dsg, q.toString()))
            out.merge(str(r, "p").replaceFirst(".*#", ""), str(r, "v"), (a, b) -> a + "; " + b);
        return new SourceMetadata(out.get("title"), out.get("author"), out.get("publisher"), out.get("date"));
    }
}
