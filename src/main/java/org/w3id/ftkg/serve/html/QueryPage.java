package org.w3id.ftkg.serve.html;

import static org.w3id.ftkg.serve.html.Html.esc;

import java.util.Map;

/** A query page for people: an editor with the prefixes filled in and the project's example queries. */
public final class QueryPage {
    public static final String DEFAULT_QUERY = """
        PREFIX ftkg: <https://w3id.org/ftkg/ontology#>
        PREFIX id: <https://w3id.org/ftkg/id/>
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

        SELECT ?event ?label ?date WHERE {
          ?event a/rdfs:subClassOf* ftkg:Event ; rdfs:label ?label .
          OPTIONAL { ?event ftkg:date ?date }
        } ORDER BY ?date LIMIT 50
        """;

    private QueryPage() {}

    /** @param examples file name to query text, from queries/ */
    public static String render(Map<String, String> examples) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>Query FTKG</h1>\n<p>SPARQL 1.1 against <code>/ftkg/sparql</code>. The default graph is the union of ")
            .append("all fact graphs; <code>GRAPH ?fact { … }</code> reaches one fact, and the provenance graph ")
            .append("<code>&lt;https://w3id.org/ftkg/graph/provenance&gt;</code> says where each came from.</p>\n")
            .append("<form id=\"query-form\" method=\"get\" action=\"/ftkg/sparql\">\n")
            .append("<label for=\"examples\">Examples</label> <select id=\"examples\"><option value=\"\">(choose)</option>");
        examples.forEach((name, text) -> b.append("<option value=\"").append(esc(name)).append("\">").append(esc(name))
            .append("</option>"));
        b.append("</select>\n<textarea id=\"query\" name=\"query\" rows=\"18\" spellcheck=\"false\">").append(esc(DEFAULT_QUERY))
            .append("</textarea>\n<input type=\"hidden\" name=\"output\" value=\"json\">\n")
            .append("<button type=\"submit\" id=\"run\">Run query</button> <span id=\"status\" role=\"status\"></span>\n</form>\n")
            .append("<div id=\"results\"></div>\n");
        // The example texts travel as inert JSON-free data: one <template> each, escaped.
        examples.forEach((name, text) -> b.append("<template class=\"example\" data-name=\"").append(esc(name)).append("\">")
            .append(esc(text)).append("</template>\n"));
        return Html.page("Query", b.toString(), "query.js");
    }
}
