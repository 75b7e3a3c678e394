package org.w3id.ftkg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.pipeline.Datasets;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
    description = { "Run a SPARQL query against the built data (dist/ftkg.trig, or the build collected in memory if there is none).",
        "The default graph is the union of all named graphs, as on the server." })
final class QueryCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The query text (or use --file).")
    String queryText;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the query from a file, e.g. queries/cq01.rq.")
    Path file;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
        description = "table, csv, tsv or json for SELECT/ASK; CONSTRUCT/DESCRIBE print Turtle (default: ${DEFAULT-VALUE}).")
    String format;

    private static final Map<String, Lang> RESULTS = Map.of("csv", ResultSetLang.RS_CSV, "tsv", ResultSetLang.RS_TSV,
        "json", ResultSetLang.RS_JSON);

    @Override
    public Integer call() throws Exception {
        if ((queryText == null) == (file == null))
            throw new UserException("give a query or --file, not both or neither", Main.USAGE);
        String text = file != null ? Files.readString(file) : queryText;
        Query query;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            throw new UserException("SPARQL syntax error" + (file != null ? " in " + file : "") + ": "
                + e.getMessage(), Main.INVALID_INPUT);
        }
        DatasetGraph dsg = Datasets.load(options.project, options.dist());
        var out = System.out;
        Lang results = RESULTS.get(format);
        dsg.executeRead(() -> {
            try (QueryExecution qe = QueryExecution.create(query, DatasetFactory.wrap(dsg))) {
                if (query.isSelectType()) {
                    ResultSet rs = qe.execSelect();
                    if (format.equals("table"))
                        ResultSetFormatter.out(out, rs, query);
                    else if (results != null)
                        ResultSetFormatter.output(out, rs, results);
                    else
                        throw new UserException("unknown format '" + format + "'", Main.USAGE);
                } else if (query.isAskType() && results != null)
                    ResultSetFormatter.output(out, qe.execAsk(), results);
                else if (query.isAskType())
                    out.println(qe.execAsk() ? "yes" : "no");
                else if (query.isConstructType() || query.isDescribeType())
                    RDFDataMgr.write(out, query.isConstructType() ? qe.execConstruct() : qe.execDescribe(), Lang.TURTLE);
                else
                    throw new UserException("only SELECT, ASK, CONSTRUCT and DESCRIBE queries", Main.USAGE);
            }
        });
        out.flush();
        return 0;
    }
}
