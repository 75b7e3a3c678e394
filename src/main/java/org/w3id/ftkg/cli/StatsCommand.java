package org.w3id.ftkg.cli;

import java.util.concurrent.Callable;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.pipeline.Datasets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Counts per source (facts, entities, triples), per class and per predicate, computed by SPARQL over the built data.")
final class StatsCommand implements Callable<Integer> {
    static final String PREFIXES = """
        PREFIX ftkg: <https://w3id.org/ftkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        """;

    static final String PER_SOURCE = PREFIXES + """
        # Facts and triples per source; entities = things with an entity record that its facts mention.
        SELECT ?source ?facts ?entities ?triples
        WHERE {
          { SELECT ?source (COUNT(DISTINCT ?g) AS ?facts) (COUNT(*) AS ?triples)
            WHERE {
              GRAPH <https://w3id.org/ftkg/graph/provenance> { ?g a ftkg:FactGraph ; prov:wasDerivedFrom/dcterms:identifier ?source }
              GRAPH ?g { ?s ?p ?o }
            } GROUP BY ?source }
          OPTIONAL {
            { SELECT ?source (COUNT(DISTINCT ?entity) AS ?entities)
              WHERE {
                GRAPH <https://w3id.org/ftkg/graph/provenance> { ?g a ftkg:FactGraph ; prov:wasDerivedFrom/dcterms:identifier ?source }
                GRAPH ?g { { ?entity ?p ?o } UNION { ?s ?p ?entity } }
                ?entity ftkg:wikidataLinkStatus ?status   # default graph = union of all graphs
              } GROUP BY ?source }
          }
        }
        ORDER BY ?source
        """;

    static final String PER_CLASS = PREFIXES + """
        SELECT ?class (COUNT(DISTINCT ?s) AS ?instances)
        WHERE { GRAPH ?g { ?s a ?c } FILTER(STRSTARTS(STR(?g), "https://w3id.org/ftkg/fact/") || STRSTARTS(STR(?g), "https://w3id.org/ftkg/graph/entity/"))
                BIND(REPLACE(STR(?c), "^.*[#/]", "") AS ?class) }
        GROUP BY ?class ORDER BY DESC(?instances) ?class
        """;

    static final String PER_PREDICATE = PREFIXES + """
        SELECT ?predicate (COUNT(*) AS ?triples)
        WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "https://w3id.org/ftkg/fact/") || STRSTARTS(STR(?g), "https://w3id.org/ftkg/graph/entity/"))
                BIND(STR(?p) AS ?predicate) }
        GROUP BY ?predicate ORDER BY DESC(?triples) ?predicate
        """;

    @Mixin
    ProjectOptions options;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws java.io.IOException {
        DatasetGraph dsg = Datasets.load(options.project, options.dist());
        dsg.executeRead(() -> {
            section(dsg, "Per source", PER_SOURCE);
            section(dsg, "Per class (instances in fact and entity graphs)", PER_CLASS);
            section(dsg, "Per predicate (triples in fact and entity graphs)", PER_PREDICATE);
        });
        System.out.flush();
        return 0;
    }

    private void section(DatasetGraph dsg, String title, String query) {
        if (format.equals("table"))
            System.out.println("\n" + title);
        try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(dsg))) {
            switch (format) {
                case "csv" -> ResultSetFormatter.outputAsCSV(System.out, qe.execSelect());
                case "json" -> ResultSetFormatter.outputAsJSON(System.out, qe.execSelect());
                default -> ResultSetFormatter.out(System.out, qe.execSelect());
            }
        }
    }
}
