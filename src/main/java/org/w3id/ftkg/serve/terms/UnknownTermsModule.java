package org.w3id.ftkg.serve.terms;

import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.serve.guard.QueryNotes;

/**
 * Answers a query that names {@code ftkg:} terms its dataset's ontology lacks with the header
 * {@value UnknownTerms#HEADER} (the results are unchanged: such a query is valid SPARQL and
 * simply matches nothing), for every dataset the server has.
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
        QueryNotes.installIn(dsg.getContext(), new Notes(dsg));
    }

    /** Reads the ontology's names on the first query, then keeps them: the served data does not change. */
    private static final class Notes implements QueryNotes {
        private final DatasetGraph dsg;
        private volatile UnknownTerms terms;

        Notes(DatasetGraph dsg) {
            this.dsg = dsg;
        }

        @Override
        public Map<String, String> headers(org.apache.jena.query.Query query) {
            UnknownTerms t = terms;
            if (t == null)
                terms = t = UnknownTerms.of(dsg);
            List<UnknownTerms.Unknown> unknown = t.in(query);
            return unknown.isEmpty() ? Map.of() : Map.of(UnknownTerms.HEADER, UnknownTerms.header(unknown, MAX_NAMED));
        }
    }
}
