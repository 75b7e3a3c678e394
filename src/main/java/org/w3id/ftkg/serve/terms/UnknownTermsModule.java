package org.w3id.ftkg.serve.terms;

import java.util.Map;

import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.serve.guard.QueryNotes;

/**
 * Answers a query that names {@code ftkg:} terms its dataset's ontology lacks with the header
 * {@value UnknownTerms#HEADER} (the results are unchanged: such a query is valid SPARQL), on every dataset.
 */
public record UnknownTermsModule() implements FusekiModule {
    /** The most terms one header names. */
    static final int MAX_NAMED = 20;

    @Override
    public String name() {
        return "FTKG unknown terms";
    }

    @Override
    public void configDataAccessPoint(DataAccessPoint dap, Model configModel) {
        DatasetGraph dsg = dap.getDataService().getDataset();
        // The ontology's names are read on the first query, then kept: the served data does not change.
        UnknownTerms[] terms = new UnknownTerms[1];
        QueryNotes.installIn(dsg.getContext(), query -> {
            if (terms[0] == null)
                terms[0] = UnknownTerms.of(dsg);
            var unknown = terms[0].in(query);
            return unknown.isEmpty() ? Map.of() : Map.of(UnknownTerms.HEADER, UnknownTerms.header(unknown, MAX_NAMED));
        });
    }
}
