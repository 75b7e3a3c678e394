package org.w3id.ftkg.serve;

import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/** What the query editor completes: FTKG's prefixes, and the ontology's terms with their English labels and comments. */
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
        Vocab.PREFIXES.forEach(prefixes::put);
        prefixes.put("text", TEXT);
        JsonArray terms = new JsonArray();
        for (Binding r : LinkedDataStore.select(dsg, TERMS)) {
            JsonObject o = new JsonObject();
            o.put("iri", LinkedDataStore.str(r, "term"));
            o.put("kind", LinkedDataStore.str(r, "kind"));
            o.put("label", LinkedDataStore.str(r, "label"));
            o.put("comment", LinkedDataStore.str(r, "comment"));
            terms.add(o);
        }
        return new QueryVocabulary(prefixes.toString(), terms.toString());
    }
}
