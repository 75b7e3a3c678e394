package org.w3id.ftkg.serve.html;

import java.util.List;

/** The query page: the examples, the query it opens with (and the example's name), its base and a shared link's page. */
public record QueryPage(List<Example> examples, String query, String example, String base, String sharePath) implements Page {
    /** An example query: its file name in queries/ and its text. */
    public record Example(String name, String text) {}

    public static final String DEFAULT_QUERY = """
        PREFIX ftkg: <https://w3id.org/ftkg/ontology#>
        PREFIX id: <https://w3id.org/ftkg/id/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

        SELECT ?event ?label ?sortDate ?date WHERE {
          ?event a/rdfs:subClassOf* ftkg:Event ; rdfs:label ?label ; ftkg:sortDate ?sortDate .
          FILTER(LANG(?label) = "en")
          OPTIONAL { ?event ftkg:date|ftkg:startDate|ftkg:endDate ?date }
        } ORDER BY ?sortDate ?event LIMIT 50
        """;
}
