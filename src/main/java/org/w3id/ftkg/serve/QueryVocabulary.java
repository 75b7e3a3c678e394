package org.w3id.ftkg.serve;

import java.util.Map;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * What the query editor completes: the prefixes FTKG writes, and the ontology's classes,
 * properties and named individuals with their English labels, read once from the served data
 * (which carries {@code ontology/ftkg.ttl}).
 */
record QueryVocabulary(String prefixesJson, String termsJson) {
    /** Jena's full-text search prefix, for {@code text:query}. */
    static final String TEXT = "http://jena.apache.org/text#";

    private static final String TERMS = """
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?term ?kind (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?comment) WHERE {
          { ?term a owl:Class BIND("class" AS ?kind) }
          UNION { VALUES ?pt { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property }
                  ?term a ?pt BIND("property" AS ?kind) }
          UNION { ?term a owl:NamedIndividual BIND("individual" AS ?kind) }
          FILTER(STRSTARTS(STR(?term), "%s"))
          OPTIONAL { ?term rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }
          OPTIONAL { ?term rdfs:comment ?c FILTER(LANGMATCHES(LANG(?c), "en")) }
        } GROUP BY ?term ?kind ORDER BY ?term ?kind""".formatted(Iris.ONTOLOGY);

    static QueryVocabulary of(DatasetGraph dsg) {
        JsonObject prefixes = new JsonObject();
        for (Map.Entry<String, String> p : Vocab.PREFIXES.entrySet())
            prefixes.put(p.getKey(), p.getValue());
        prefixes.put("text", TEXT);
        JsonArray terms = dsg.calculateRead(() -> {
            JsonArray out = new JsonArray();
            try (QueryExecution qe = QueryExecution.create(TERMS, DatasetFactory.wrap(dsg))) {
                qe.execSelect().forEachRemaining(r -> out.add(term(r)));
            }
            return out;
        });
        return new QueryVocabulary(prefixes.toString(), terms.toString());
    }

    private static JsonObject term(QuerySolution r) {
        JsonObject o = new JsonObject();
        o.put("iri", r.getResource("term").getURI());
        o.put("kind", r.getLiteral("kind").getString());
        o.put("label", r.contains("label") ? r.getLiteral("label").getString() : "");
        o.put("comment", r.contains("comment") ? r.getLiteral("comment").getString() : "");
        return o;
    }
}
