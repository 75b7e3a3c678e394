package org.w3id.ftkg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

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
 * database, or one built in memory on a thread of its own while the server starts and answers),
 * which makes {@code text:query} work in SPARQL, and the {@code /search} route answers from the
 * same index; both wait for an index still being built. The index closes with the server.
 */
public final class SearchModule implements FusekiModule {
    private final String service;
    private final Path tdb2;
    private final CompletableFuture<Void> loaded;
    private DatasetGraph dataset;
    private CompletableFuture<EntitySearch> search;

    /**
     * @param service the dataset's name ({@code /ftkg})
     * @param tdb2    the TDB2 folder served, whose index to open, or null for an in-memory dataset
     * @param loaded  done when the dataset holds its data (an index built in memory waits for it)
     */
    public SearchModule(String service, Path tdb2, CompletableFuture<Void> loaded) {
        this.service = service;
        this.tdb2 = tdb2;
        this.loaded = loaded;
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
            var index = SearchIndex.serve(dataset, tdb2, loaded, Background.executor("ftkg-search-index"), msg -> System.err.println("ftkg: " + msg));
            search = index.thenApply(i -> new EntitySearch(i, dataset));
            search.whenComplete((done, failure) -> {
                if (failure != null)
                    System.err.println("ftkg: the search index could not be built: " + failure);
            });
            builder.addServlet("/search", new SearchServlet(search));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void serverStopped(FusekiServer server) {
        // An index still being built is waited for, so that it closes too; a failed one was reported.
        if (search != null && !search.isCompletedExceptionally())
            search.join().close();
        if (dataset != null)
            SearchIndex.release(dataset);
    }
}
