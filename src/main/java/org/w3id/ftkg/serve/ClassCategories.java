package org.w3id.ftkg.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.model.Iris;

/**
 * The broad kind of each ontology class, which the network draws as one colour and one shape:
 * the first of {@link #ROOTS} the class is (a subclass of), else "other". Keyed by the class's
 * English label, which is what the network's nodes carry (labels of classes are unique).
 */
record ClassCategories(Map<String, String> byClassLabel) {
    /** The categories a legend shows, in order; "other" is last. */
    static final List<String> ROOTS = List.of("Person", "Organization", "Place", "Substance", "Event");
    static final String OTHER = "other";

    static ClassCategories of(DatasetGraph dsg) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < ROOTS.size(); i++)
            values.append(" (<").append(Iris.ONTOLOGY).append(ROOTS.get(i)).append("> ").append(i).append(')');
        String q = """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label (MIN(?rank) AS ?first) WHERE {
              VALUES (?root ?rank) { %s }
              ?class rdfs:subClassOf* ?root ; rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
            } GROUP BY ?label""".formatted(values);
        Map<String, String> out = new HashMap<>();
        dsg.executeRead(() -> {
            try (QueryExecution qe = QueryExecution.create(q, DatasetFactory.wrap(dsg))) {
                qe.execSelect().forEachRemaining(r -> out.put(r.getLiteral("label").getString(),
                    category(ROOTS.get(r.getLiteral("first").getInt()))));
            }
        });
        return new ClassCategories(Map.copyOf(out));
    }

    /** The category of a class by its English label. */
    String of(String classLabel) {
        return byClassLabel.getOrDefault(classLabel, OTHER);
    }

    static String category(String root) {
        return root.toLowerCase(java.util.Locale.ROOT);
    }
}
