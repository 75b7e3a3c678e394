package org.w3id.ftkg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.search.EntitySearch;
import org.w3id.ftkg.search.SearchIndex;

/**
 * Search as one Fuseki module: the served dataset gets its text index (the one beside a TDB2
 * database, or one built in memory), which makes {@code text:query} work in SPARQL, and the
 * {@code /search} route answers from the same index. The index closes with the server.
 */
public final class SearchModule implements FusekiModule {
    private final String service;
    private final Path tdb2;
    private DatasetGraph dataset;
    private EntitySearch search;

    /**
     * @param service the dataset's name ({@code /ftkg})
     * @param tdb2    the TDB2 folder served, whose index to open, or null for an in-memory dataset
     */
    public SearchModule(String service, Path tdb2) {
        this.service = service;
        this.tdb2 = tdb2;
    }

    @Override
    public String name() {
        return "FTKG search";
    }

    @Override
    public void configured(FusekiServer.Builder builder, DataAccessPointRegistry registry, Model configModel) {
        DataAccessPoint dap = registry.get(service);
        if (dap == null)
            throw new IllegalStateException("no dataset " + service + " to search");
        dataset = dap.getDataService().getDataset();
        try {
            var index = SearchIndex.serve(dataset, tdb2, msg -> System.err.println("ftkg: " + msg));
            search = new EntitySearch(index, dataset);
            builder.addServlet("/search", new SearchServlet(search));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void serverStopped(FusekiServer server) {
        if (search != null)
            search.close();
        if (dataset != null)
            SearchIndex.release(dataset);
    }
}
