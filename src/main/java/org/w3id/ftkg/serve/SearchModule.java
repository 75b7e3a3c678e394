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
 * Search as one Fuseki module: the dataset's text index (beside a TDB2 database, or built in memory once the
 * server answers) for {@code text:query} and {@code /search}, which wait for it; it closes with the server.
 */
public final class SearchModule implements FusekiModule {
    private final String service;
    private final Path tdb2;
    /** Done once the server answers: an index built in memory is built from then on, not while the server starts. */
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private DatasetGraph dataset;
    private CompletableFuture<EntitySearch> search;

    /** For the dataset {@code service} ({@code /ftkg}), with the TDB2 folder served (whose index to open) or null. */
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
            search = SearchIndex.serve(dataset, tdb2, started, Background.executor("ftkg-search-index"),
                msg -> System.err.println("ftkg: " + msg)).thenApply(i -> new EntitySearch(i, dataset));
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
    public void serverAfterStarting(FusekiServer server) {
        started.complete(null);
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
