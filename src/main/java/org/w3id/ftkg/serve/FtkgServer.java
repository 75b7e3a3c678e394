package org.w3id.ftkg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.FusekiServer;
import org.w3id.ftkg.store.Tdb2Store;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.store.MemoryStore;
import org.w3id.ftkg.replica.ReplicaModule;
import org.w3id.ftkg.replica.ReplicaSettings;
import org.w3id.ftkg.search.SearchIndex;
import org.w3id.ftkg.serve.terms.UnknownTermsModule;

/**
 * The FTKG server: Fuseki Main configured from {@code fuseki-config/ftkg.ttl}, with the built
 * dataset (union of all graphs as default graph) and Fuseki modules for the rest:
 * {@link HardeningModule} (the endpoint's defences), {@link LinkedDataModule} (the Linked Data
 * routes, the pages, search, the dumps and the VoID description), {@link ReplicaModule}
 * (health, metrics, graceful stop) and {@link UnknownTermsModule} (a header naming the query's terms the
 * ontology lacks). A new concern is a new module in
 * {@link #modules}. Read-only unless update credentials are given.
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
        return start(s, ReplicaSettings.defaults());
    }

    /** As {@link #start(ServerSettings)}, with how the server drains and stops as a replica. */
    public static FtkgServer start(ServerSettings s, ReplicaSettings replica) {
        try {
            Path dist = s.dist();
            HeldReleases releases = HeldReleases.in(s.releases());
            // The newest release is what the default routes serve (its own dumps), unless a TDB2 database is given.
            if (s.tdb2() == null && releases.newest().isPresent())
                dist = releases.newest().get().dumps();
            if (s.tdb2() == null && !Files.isRegularFile(dist.resolve(Dumps.TRIG)))
                throw new IllegalStateException("no built data in " + dist + ": run `ftkg build` first (or serve --tdb2 DIR)");
            // A TDB2 database is served as it is on disk; otherwise the TriG dump is read into memory
            // (a copy of its own when updates may change it: the release at /v/VERSION/ never changes),
            // on a thread of its own while this one configures Fuseki; HTTP starts once it is read.
            DatasetGraph dsg;
            CompletableFuture<Void> loaded;
            if (s.tdb2() != null || releases.newest().isPresent() && s.update() == null) {
                dsg = s.tdb2() != null ? Tdb2Store.open(s.tdb2()) : releases.newest().get().dataset();
                loaded = CompletableFuture.completedFuture(null);
            } else {
                dsg = MemoryStore.create();
                Path trig = dist.resolve(Dumps.TRIG);
                loaded = Background.supply("ftkg-load", () -> {
                    MemoryStore.read(trig, dsg);
                    return null;
                });
            }
            FusekiServer server = builder(s, dsg, modules(s, dsg, dist, replica, releases), releases).build();
            Background.await(loaded);
            server.start();
            return new FtkgServer(server, dsg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The Fuseki modules of an FTKG server over this dataset: its defences; its Linked Data routes
     * and search; readiness, liveness, per-route metrics and a graceful stop behind a balancer; with
     * the releases held: their routes under /v/VERSION/ and /releases/. No module reads the data
     * while the server is built (it may still be loading); search indexes it once the server has started.
     */
    static List<FusekiModule> modules(ServerSettings s, DatasetGraph dsg, Path dist, ReplicaSettings replica,
                                      HeldReleases releases) {
        DataRelease served = releases.newest().isPresent() && s.tdb2() == null ? releases.newest().get().asDataRelease()
            : DataRelease.of(dist);
        return List.of(
            new HardeningModule(s.limits(), new ServiceAllowList(s.serviceAllowList()), RequestSizeFilter.DEFAULT_MAX_BYTES,
                s.maxResultBytes(), IDLE_TIMEOUT_MS),
            new LinkedDataModule(new LinkedDataStore(dsg), s.project(), dist, served, releases),
            new ReleasesModule(releases, s.project()),
            new SearchModule(SERVICE, s.tdb2()),
            new UnknownTermsModule(),
            new ReplicaModule(replica));
    }

    /**
     * Fuseki Main configured from the project's {@code fuseki-config/ftkg.ttl} with this dataset as
     * {@value #SERVICE} and these modules, and each release held as a read-only dataset
     * {@code /v/VERSION/ftkg} (query and graph store read, no update), under the same timeout and
     * the same modules' defences; the update endpoint only with credentials.
     */
    static FusekiServer.Builder builder(ServerSettings s, DatasetGraph dsg, List<FusekiModule> modules,
                                        HeldReleases releases) {
        Model config = RDFDataMgr.loadModel(s.project().resolve(CONFIG).toString());
        // The dataset is ours (with the union default graph); the file's ja:data is for standalone Fuseki.
        config.removeAll(null, config.createProperty(JA + "data"), null);
        long timeout = s.timeoutMillis() != null ? s.timeoutMillis() : configuredTimeout(config);
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(timeout));
        FusekiServer.Builder b = FusekiServer.create()
            .port(s.port())
            .loopback(!"0.0.0.0".equals(s.host()))
            .enablePing(true)
            // Fuseki's default is 20 threads: a handful of stalled uploads would starve everyone.
            .numServerThreads(8, MAX_THREADS)
            .fusekiModules(FusekiModules.create(modules))
            .parseConfig(config);
        b.getDataServiceBuilder(SERVICE).dataset(dsg);
        for (HeldRelease r : releases.all()) {
            r.dataset().getContext().set(ARQ.queryTimeout, Long.toString(timeout));
            b.add(r.service(), r.dataset(), false);
        }
        if (s.update() != null) {
            // Credentials stay in memory: no password file on disk, nothing for Jetty to watch.
            var users = JettySecurityLib.makeUserStore(s.update().user(), s.update().password());
            b.securityHandler(JettySecurityLib.makeSecurityHandler("FTKG", users, AuthScheme.BASIC))
                .addEndpoint(SERVICE, HardeningModule.UPDATE, Operation.Update, Auth.policyAllowSpecific(s.update().user()));
        }
        return b;
    }

    /** The overall query timeout of the configuration ("first,overall" or one value, in milliseconds). */
    private static long configuredTimeout(Model config) {
        var name = config.createProperty(JA + "cxtName");
        var value = config.createProperty(JA + "cxtValue");
        for (var setting : config.listSubjectsWithProperty(name, "arq:queryTimeout").toList()) {
            String[] parts = setting.getProperty(value).getString().split(",");
            return Long.parseLong(parts[parts.length - 1].trim());
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
        SearchIndex.release(dataset);
        Tdb2Store.release(dataset);
    }
}
