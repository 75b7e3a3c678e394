package org.w3id.ftkg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.store.MemoryStore;
import org.w3id.ftkg.store.Tdb2Store;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The FTKG server: Fuseki Main configured from {@code fuseki-config/ftkg.ttl}, with the built
 * dataset (union of all graphs as default graph), the Linked Data routes, the pages, the dumps
 * and the VoID description. Read-only unless update credentials are given.
 */
public final class FtkgServer implements AutoCloseable {
    public static final String CONFIG = "fuseki-config/ftkg.ttl";
    public static final String SERVICE = "/ftkg";
    /** Concurrent requests served; more wait in Jetty's queue. */
    public static final int MAX_THREADS = 200;
    /** A connection silent this long (a stalled body, a slow reader) is closed. */
    public static final long IDLE_TIMEOUT_MS = 10_000;
    private static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";

    private final FusekiServer fuseki;
    private final DatasetGraph dataset;

    private FtkgServer(FusekiServer fuseki, DatasetGraph dataset) {
        this.fuseki = fuseki;
        this.dataset = dataset;
    }

    public static FtkgServer start(ServerSettings s) {
        try {
            Path dist = s.dist();
            if (s.tdb2() == null && !Files.isRegularFile(dist.resolve(Dumps.TRIG)))
                throw new IllegalStateException("no built data in " + dist + ": run `ftkg build` first (or serve --tdb2 DIR)");
            // A TDB2 database is served as it is on disk; otherwise the TriG dump is read into memory.
            DatasetGraph dsg = s.tdb2() != null ? Tdb2Store.open(s.tdb2()) : MemoryStore.open(dist.resolve(Dumps.TRIG));
            Model config = RDFDataMgr.loadModel(s.project().resolve(CONFIG).toString());
            // The dataset is ours (with the union default graph); the file's ja:data is for standalone Fuseki.
            config.removeAll(null, config.createProperty(JA + "data"), null);
            long timeout = s.timeoutMillis() != null ? s.timeoutMillis() : configuredTimeout(config);
            dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeout));
            new ServiceAllowList(s.serviceAllowList()).installIn(dsg.getContext());

            LinkedDataStore store = new LinkedDataStore(dsg);
            PagesServlet pages = new PagesServlet(store, s.project().resolve("queries"));
            ViewsServlet views = new ViewsServlet(store, s.project().resolve("seeds"));
            FusekiServer.Builder b = FusekiServer.create()
                .port(s.port())
                .loopback(!"0.0.0.0".equals(s.host()))
                .enableCors(true)
                .enablePing(true)
                // Fuseki's default is 20 threads: a handful of stalled uploads would starve everyone.
                .numServerThreads(8, MAX_THREADS)
                .parseConfig(config);
            b.getDataServiceBuilder(SERVICE).dataset(dsg);
            if (s.update() != null) {
                // Credentials stay in memory: no password file on disk, nothing for Jetty to watch.
                var users = JettySecurityLib.makeUserStore(s.update().user(), s.update().password());
                b.securityHandler(JettySecurityLib.makeSecurityHandler("FTKG", users, AuthScheme.BASIC))
                    .addEndpoint(SERVICE, "update", Operation.Update, Auth.policyAllowSpecific(s.update().user()));
            }
            b.addFilter("/*", new SecurityHeadersFilter())
                .addFilter(SERVICE + "/*", new RequestSizeFilter(RequestSizeFilter.DEFAULT_MAX_BYTES))
                .addFilter(SERVICE + "/*", new BufferedResultsFilter(s.maxResultBytes()))
                .addServlet("/id/*", new LinkedDataServlet("id", store, s.project().resolve("seeds")))
                .addServlet("/fact/*", new LinkedDataServlet("fact", store, s.project().resolve("seeds")))
                .addServlet("/source/*", new LinkedDataServlet("source", store, s.project().resolve("seeds")))
                .addServlet("/dumps/*", new DumpsServlet(dist))
                .addServlet("/.well-known/void", new VoidServlet(dist))
                .addServlet("/static/*", new StaticServlet())
                .addServlet("/timeline", views)
                .addServlet("/network", views)
                .addServlet("/sources", views)
                .addServlet("", pages)
                .addServlet("/index.html", pages)
                .addServlet("/sparql", pages);
            FusekiServer server = b.build();
            // A client that stalls mid-request gives its thread back after this long, not Jetty's 30 s.
            for (var c : server.getJettyServer().getConnectors())
                if (c instanceof org.eclipse.jetty.server.AbstractConnector ac)
                    ac.setIdleTimeout(IDLE_TIMEOUT_MS);
            server.start();
            return new FtkgServer(server, dsg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long configuredTimeout(Model config) {
        var it = config.listObjectsOfProperty(config.createProperty(JA + "cxtValue"));
        // "first,overall" in milliseconds: the overall limit is what a client waits at most.
        while (it.hasNext()) {
            String v = it.next().toString();
            String[] parts = v.split(",");
            try {
                return Long.parseLong(parts[parts.length - 1].trim());
            } catch (NumberFormatException e) {
                // not the timeout entry
            }
        }
        return 5000;
    }

    public int port() {
        return fuseki.getHttpPort();
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public void join() {
        fuseki.join();
    }

    @Override
    public void close() {
        fuseki.stop();
        Tdb2Store.release(dataset);
    }
}
