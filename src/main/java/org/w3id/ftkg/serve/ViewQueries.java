package org.w3id.ftkg.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The data behind the timeline, network and sources views, all read through SPARQL so that
 * the views work for any corpus, not just the five seed articles.
 */
public final class ViewQueries {
    private final DatasetGraph dsg;

    public ViewQueries(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /**
     * How long a view's own query may run. The views read the whole graph with fixed queries, and
     * their results are kept while served (see ViewsServlet); the endpoint's shorter timeout is for
     * the queries users send.
     */
    static final long TIMEOUT_MS = 60_000;

    private List<QuerySolution> select(String q) {
        return dsg.calculateRead(() -> {
            List<QuerySolution> out = new ArrayList<>();
            try (QueryExecution qe = QueryExecution.create().query(q).dataset(DatasetFactory.wrap(dsg))
                .initialTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).overallTimeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).build()) {
                qe.execSelect().forEachRemaining(r -> out.add(LinkedDataStore.detached(r)));
            }
            return out;
        });
    }

    static String str(QuerySolution r, String v) {
        return r.contains(v) ? (r.get(v).isLiteral() ? r.getLiteral(v).getLexicalForm() : r.getResource(v).getURI()) : "";
    }

    /** A dated (or text-dated) event with its type, actors and evidence. */
    public record TimelineItem(String event, String label, String type, String typeLabel, String date, String datatype,
                               String dateText, boolean inferred, String status, List<Actor> actors,
                               List<Cited> evidence) {}

    /** Who or where takes part in an event, in which role (the local name: agent, target, participant, place). */
    public record Actor(String role, String iri, String label) {}

    /** A fact an event comes from, its source file and its quote. */
    public record Cited(String fact, String file, String quote) {}

    /** An event ?e with its most specific class, English label, date, date words, whether inferred, and status. */
    private static final String EVENT = """

              ?e a ?type . ?type rdfs:subClassOf* ftkg:Event .
              FILTER(?type != ftkg:Event || NOT EXISTS { ?e a ?other . ?other rdfs:subClassOf ftkg:Event })
              ?e rdfs:label ?label . FILTER(LANG(?label) = "en")
              OPTIONAL { ?type rdfs:label ?typeLabel FILTER(LANG(?typeLabel) = "en") }
              OPTIONAL { ?e ftkg:sortDate ?sort }
              OPTIONAL { ?e ftkg:date ?onDate }
              OPTIONAL { ?e ftkg:startDate ?startDate }
              OPTIONAL { ?e ftkg:endDate ?endDate }
              BIND(COALESCE(?onDate, ?startDate, ?endDate) AS ?date)
              OPTIONAL { ?e ftkg:dateText ?dateText }
              OPTIONAL { ?e ftkg:dateInferred ?inferred }
              OPTIONAL { ?e ftkg:status/rdfs:label ?status FILTER(LANG(?status) = "en") }
""";

    /** The event of a row that bound the variables of {@link #EVENT}, without actors or evidence yet. */
    private static TimelineItem event(QuerySolution r) {
        return new TimelineItem(str(r, "e"), str(r, "label"), str(r, "type"), str(r, "typeLabel"), str(r, "date"),
            r.contains("date") ? r.getLiteral("date").getDatatypeURI() : "", str(r, "dateText"),
            "true".equals(str(r, "inferred")), str(r, "status"), new ArrayList<>(), new ArrayList<>());
    }

    public List<TimelineItem> timeline() {
        String q = LinkedDataStore.PREFIXES + """
            SELECT ?e ?label ?type ?typeLabel ?date ?dateText ?inferred ?status WHERE {""" + EVENT + """
              FILTER(BOUND(?sort) || BOUND(?dateText))
            } ORDER BY ?sort ?e""";
        Map<String, TimelineItem> items = new LinkedHashMap<>();
        for (QuerySolution r : select(q))
            items.computeIfAbsent(str(r, "e"), e -> event(r));
        String actors = LinkedDataStore.PREFIXES + """
            SELECT ?e ?role ?a ?aLabel WHERE {
              VALUES ?role { ftkg:agent ftkg:target ftkg:participant ftkg:place }
              ?e ?role ?a . ?a rdfs:label ?aLabel FILTER(LANG(?aLabel) = "en")
            } ORDER BY ?e ?role ?aLabel""";
        for (QuerySolution r : select(actors)) {
            TimelineItem it = items.get(str(r, "e"));
            if (it != null)
                it.actors().add(new Actor(str(r, "role").replaceFirst(".*#", ""), str(r, "a"), str(r, "aLabel")));
        }
        String evidence = LinkedDataStore.PREFIXES + """
            SELECT DISTINCT ?e ?fact ?file ?quote WHERE {
              GRAPH ?fact { ?e a ?t }
              GRAPH <https://w3id.org/ftkg/graph/provenance> { ?fact prov:value ?quote ; prov:wasDerivedFrom/dcterms:identifier ?file }
            } ORDER BY ?e ?fact""";
        for (QuerySolution r : select(evidence)) {
            TimelineItem it = items.get(str(r, "e"));
            if (it != null)
                it.evidence().add(new Cited(str(r, "fact"), str(r, "file"), str(r, "quote")));
        }
        return new ArrayList<>(items.values());
    }

    /**
     * An edge between two things, the fact it comes from, whether it is only claimed (and by whom),
     * and, for a post held, the position (shown instead of the predicate's label).
     */
    public record Edge(String from, String to, String predicate, String fact, String quote, String claimedBy, String position) {}

    /** Node classes that are statements about the world, not actors or events: kept out of the network. */
    private static final String NOT_ACTORS = """
        VALUES ?notActor { ftkg:Assertion ftkg:Proposition ftkg:Statistic ftkg:Tenure ftkg:Document ftkg:Topic ftkg:Quantity }""";

    /**
     * Links between actors, places, substances and events in the fact graphs, asserted or claimed,
     * with their evidence; a post held (a Tenure) becomes one edge from the holder to the organization.
     */
    public List<Edge> edges() {
        String q = LinkedDataStore.PREFIXES + """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT ?s ?p ?o ?fact ?quote ?claimant ?position WHERE {
              {
                GRAPH ?fact { ?s ?p ?o }
                FILTER(?p NOT IN (rdf:type, ftkg:quantity, ftkg:content, ftkg:claimsEvent, ftkg:status, ftkg:about,
                                  ftkg:reportedBy, ftkg:topic, ftkg:cites, ftkg:holder, ftkg:organization, ftkg:alongside,
                                  ftkg:underAdministration, ftkg:reportedIn, ftkg:hasCharge, ftkg:defendant, ftkg:charge,
                                  ftkg:chargeStatus, ftkg:offenceEvent))
              } UNION {
                GRAPH ?fact { ?claim ftkg:content ?prop . ?prop rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }
                ?claim ftkg:claimant ?who . ?who rdfs:label ?claimant FILTER(LANG(?claimant) = "en")
              } UNION {
                GRAPH ?fact { ?tenure ftkg:holder ?s ; ftkg:organization ?o }
                OPTIONAL { ?tenure ftkg:position ?position }
                BIND(ftkg:organization AS ?p)
              }
              FILTER(isIRI(?o) && STRSTARTS(STR(?s), "https://w3id.org/ftkg/id/") && STRSTARTS(STR(?o), "https://w3id.org/ftkg/id/"))
              FILTER NOT EXISTS { """ + NOT_ACTORS + """
                 { ?s a/rdfs:subClassOf* ?notActor } UNION { ?o a/rdfs:subClassOf* ?notActor } }
              GRAPH <https://w3id.org/ftkg/graph/provenance> { ?fact prov:value ?quote }
            }""";
        List<Edge> out = new ArrayList<>();
        for (QuerySolution r : select(q))
            out.add(new Edge(str(r, "s"), str(r, "o"), str(r, "p"), str(r, "fact"), str(r, "quote"), str(r, "claimant"),
                str(r, "position")));
        return out;
    }

    /** A thing's English label and its class's label. */
    public record Thing(String label, String kind) {}

    /** Labels and classes of every /id/ thing. */
    public Map<String, Thing> nodes() {
        String q = LinkedDataStore.PREFIXES + """
            SELECT ?n ?label ?typeLabel WHERE {
              ?n rdfs:label ?label FILTER(LANG(?label) = "en")
              FILTER(STRSTARTS(STR(?n), "https://w3id.org/ftkg/id/"))
              OPTIONAL { ?n a ?t . ?t rdfs:label ?typeLabel FILTER(LANG(?typeLabel) = "en" && STRSTARTS(STR(?t), "https://w3id.org/ftkg/ontology#")) }
            }""";
        Map<String, Thing> out = new LinkedHashMap<>();
        for (QuerySolution r : select(q))
            out.putIfAbsent(str(r, "n"), new Thing(str(r, "label"), str(r, "typeLabel")));
        return out;
    }

    /** How many facts a source gives, and how many things with an entity record they mention. */
    public record SourceCounts(long facts, long entities) {}

    /** Facts and distinct entities per source file. */
    public Map<String, SourceCounts> sourceCounts() {
        String q = LinkedDataStore.PREFIXES + """
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
            } ORDER BY ?file""";
        Map<String, SourceCounts> out = new LinkedHashMap<>();
        for (QuerySolution r : select(q))
            out.put(str(r, "file"), new SourceCounts(r.getLiteral("facts").getLong(), r.getLiteral("entities").getLong()));
        return out;
    }

    /** What a source's own text says about it, as labels; null where it says nothing (several values joined by "; "). */
    public record SourceMetadata(String title, String author, String publisher, String date) {}

    /** The metadata a source's own text gives (title, author, publisher, date), as labels. */
    public SourceMetadata sourceMetadata(String stem) {
        String q = new ParameterizedSparqlString(LinkedDataStore.PREFIXES + """
            SELECT ?p ?v WHERE {
              VALUES ?p { ftkg:title ftkg:author ftkg:publisher ftkg:date }
              ?src ?p ?x .
              OPTIONAL { ?x rdfs:label ?l FILTER(LANG(?l) = "en") }
              BIND(COALESCE(?l, STR(?x)) AS ?v)
            } ORDER BY ?p ?v""") {
            {
                setIri("src", org.w3id.ftkg.model.Iris.SOURCE + stem);
            }
        }.toString();
        Map<String, String> out = new LinkedHashMap<>();
        for (QuerySolution r : select(q))
            out.merge(str(r, "p").replaceFirst(".*#", ""), str(r, "v"), (a, b) -> a + "; " + b);
        return new SourceMetadata(out.get("title"), out.get("author"), out.get("publisher"), out.get("date"));
    }
}
