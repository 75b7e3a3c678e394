package org.w3id.ftkg.serve;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.w3id.ftkg.model.Iris;

/**
 * The broad kind the network draws each class as (one colour, one shape): the first of {@link #ROOTS} it is a
 * subclass of, else "other"; keyed by the class's English label, which the network's nodes carry (labels are unique).
 */
record ClassCategories(Map<String, String> byClassLabel) {
    static final List<String> ROOTS = List.of("Person", "Organization", "Place", "Substance", "Event");

    static ClassCategories of(DatasetGraph dsg) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < ROOTS.size(); i++)
            values.append(" (<").append(Iris.ONTOLOGY).append(ROOTS.get(i)).append("> ").append(i).append(')');
        Map<String, String> out = new HashMap<>();
        for (Binding r : LinkedDataStore.select(dsg, """
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?label (MIN(?rank) AS ?first) WHERE {
              VALUES (?root ?rank) { %s }
              ?class rdfs:subClassOf* ?root ; rdfs:label ?label FILTER(LANGMATCHES(LANG(?label), "en"))
            } GROUP BY ?label""".formatted(values)))
            out.put(LinkedDataStore.str(r, "label"),
                ROOTS.get(Integer.parseInt(LinkedDataStore.str(r, "first"))).toLowerCase(Locale.ROOT));
        return new ClassCategories(Map.copyOf(out));
    }

    /** The category of a class by its English label. */
    String of(String classLabel) {
        return byClassLabel.getOrDefault(classLabel, "other");
    }
}
