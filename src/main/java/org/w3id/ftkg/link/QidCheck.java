package org.w3id.ftkg.link;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.jena.query.QuerySolution;
import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Ontology;

/** {@code validate --endpoint}: every linked QID exists on the endpoint and is of a compatible type. */
public final class QidCheck {
    private QidCheck() {}

    public static void check(Ontology onto, List<CuratedEntity> entities, SparqlClient client, Problems problems)
        throws SparqlClient.EndpointException {
        List<EntityRecord> linked = entities.stream().map(CuratedEntity::record).filter(r -> r.wikidata() != null).toList();
        // One request per batch of 50 keeps to the endpoint's limits and to the rate bound.
        for (int i = 0; i < linked.size(); i += 50) {
            List<EntityRecord> batch = linked.subList(i, Math.min(linked.size(), i + 50));
            String values = batch.stream().map(r -> " (wd:" + r.wikidata() + " "
                + WikidataKinds.of(r.type(), onto).map(k -> k.rootQid).map(q -> "wd:" + q).orElse("UNDEF") + ")")
                .collect(Collectors.joining());
            String q = """
                PREFIX wd: <http://www.wikidata.org/entity/>
                PREFIX wdt: <http://www.wikidata.org/prop/direct/>
                SELECT ?item ?exists ?typed WHERE {
                  VALUES (?item ?root) { %s }
                  BIND(EXISTS { ?item ?p ?o } AS ?exists)
                  BIND(IF(BOUND(?root), EXISTS { ?item wdt:P31/wdt:P279* ?root }, true) AS ?typed)
                }""".formatted(values);
            Map<String, QuerySolution> rows = new HashMap<>();
            for (QuerySolution r : client.select(q))
                rows.put(r.getResource("item").getURI().replaceFirst(".*/", ""), r);
            for (EntityRecord r : batch) {
                QuerySolution row = rows.get(r.wikidata());
                if (row == null || !row.getLiteral("exists").getBoolean())
                    problems.add(r.at(), "Wikidata " + r.wikidata() + " does not exist on " + client.endpoint());
                else if (!row.getLiteral("typed").getBoolean()) {
                    WikidataKinds kind = WikidataKinds.of(r.type(), onto).orElseThrow();
                    problems.add(r.at(), "Wikidata " + r.wikidata() + " is not a " + kind.description
                        + " (wd:" + kind.rootQid + "), but " + r.slug() + " is a " + r.type());
                }
            }
        }
    }
}
