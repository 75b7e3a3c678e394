package org.w3id.ftkg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.build.DatasetDescriptionMap;
import org.apache.jena.fuseki.build.FusekiConfig;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.replica.ReplicaModule;
import org.w3id.ftkg.replica.ReplicaSettings;
import org.w3id.ftkg.search.SearchIndex;
import org.w3id.ftkg.serve.terms.UnknownTermsModule;
import org.w3id.ftkg.store.MemoryStore;
import org.w3id.ftkg.store.Tdb2Store;

/** The FTKG server: Fuseki Main over the built dataset (union default graph), one Fuseki module per concern. */
public record FtkgServer(FusekiServer fuseki, DatasetGraph dataset, HeldReleases releases) implements AutoCloseable {
    public static final String CONFIG = "fuseki-config/ftkg.ttl";
    public static final String SERVICE = "/ftkg";
    /** Concurrent requests served; more wait in Jetty's queue. */
    public static final int MAX_THREADS = 200;
    /** A connection silent this long (a stalled body, a slow reader) is closed. */
    public static final long IDLE_TIMEOUT_MS = 10_000;
    private static final String JA = "http://jena.hpl.hp.com/2005/11/Assembler#";

    public static FtkgServer start(ServerSettings s) {
        return start(s, ReplicaSettings.defaults());
    }

    /** As {@link #start(ServerSettings)}, with how the server drains and stops as a replica. */
    public static FtkgServer start(ServerSettings s, ReplicaSettings replica) {
        HeldReleases releases = HeldReleases.NONE;
        try {
            releases = HeldReleases.in(s.releases());
            // The newest release is what the default routes serve (its own dumps), unless a TDB2 database is given.
            var newest = releases.newest().filter(r -> s.tdb2() == null);
            Path dist = newest.map(HeldRelease::dumps).orElse(s.dist());
            if (s.tdb2() == null && !Files.isRegularFile(dist.resolve(Dumps.TRIG)))
                throw new IllegalStateException("no built data in " + dist + ": run `ftkg build` first (or serve --tdb2 DIR)");
            // A TDB2 database or a release (which never changes) is served as it is; otherwise the TriG is read
            // into memory on a thread of its own while this one configures Fuseki; HTTP starts once it is read.
            DatasetGraph dsg;
            CompletableFuture<?> loaded = CompletableFuture.completedFuture(null);
            if (s.tdb2() != null)
                dsg = Tdb2Store.open(s.tdb2());
            else if (newest.isPresent() && s.update() == null)
                dsg = newest.get().dataset();
            else {
                DatasetGraph memory = dsg = MemoryStore.create();
                loaded = Background.supply("ftkg-load", () -> MemoryStore.read(dist.resolve(Dumps.TRIG), memory));
            }
            DataRelease served = newest.map(HeldRelease::asDataRelease).orElseGet(() -> DataRelease.of(dist));
            FusekiServer server = builder(s, dsg, modules(s, dsg, dist, served, replica, releases), releases).build();
            Background.await(loaded);
            server.start();
            return new FtkgServer(server, dsg, releases);
        } catch (IOException | RuntimeException e) {
            releases.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The modules, in order; none reads the data while the server is built (it may still be loading). */
    static List<FusekiModule> modules(ServerSettings s, DatasetGraph dsg, Path dist, DataRelease served,
                                      ReplicaSettings replica, HeldReleases releases) {
        return List.of(
            new HardeningModule(s.limits(), new ServiceAllowList(s.serviceAllowList()), RequestSizeFilter.DEFAULT_MAX_BYTES,
                s.maxResultBytes(), IDLE_TIMEOUT_MS),
            new LinkedDataModule(new LinkedDataStore(dsg), s.project(), dist, served, releases),
            new SearchModule(SERVICE, s.tdb2()),
            new UnknownTermsModule(),
            new ReplicaModule(replica));
    }

    /** Fuseki Main as configured, each release held as a read-only {@code /v/VERSION/ftkg} under the same timeout. */
    static FusekiServer.Builder builder(ServerSettings s, DatasetGraph dsg, List<FusekiModule> modules,
                                        HeldReleases releases) {
        Model config = RDFDataMgr.loadModel(s.project().resolve(CONFIG).toString());
        String timeout = Long.toString(s.timeoutMillis() != null ? s.timeoutMillis() : configuredTimeout(config));
        dsg.getContext().set(ARQ.queryTimeout, timeout);
        FusekiServer.Builder b = FusekiServer.create().port(s.port()).loopback(!"0.0.0.0".equals(s.host())).enablePing(true)
            // Fuseki's default is 20 threads: a handful of stalled uploads would starve everyone.
            .numServerThreads(8, MAX_THREADS)
            .fusekiModules(FusekiModules.create(modules));
        b.add(SERVICE, DataService.newBuilder(ownService(config, dsg))).parseConfig(config);
        for (HeldRelease r : releases.all()) {
            r.dataset().getContext().set(ARQ.queryTimeout, timeout);
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

    /**
     * The configuration's {@value #SERVICE} service over our dataset, taken out of {@code config}: left to Fuseki,
     * its dataset description (the {@code ja:data} of standalone Fuseki) would go through Jena's assembler, whose
     * RDFS reasoner alone costs the start-up about a quarter of a second of CPU.
     */
    private static DataService ownService(Model config, DatasetGraph dsg) {
        Resource service = config.listSubjectsWithProperty(FusekiVocab.pServiceName, SERVICE.substring(1)).nextOptional()
            .orElseThrow(() -> new IllegalStateException(CONFIG + " has no service " + SERVICE));
        DatasetDescriptionMap ours = new DatasetDescriptionMap();
        ours.register(service.getRequiredProperty(FusekiVocab.pDataset).getObject().asNode(), dsg);
        DataService built = FusekiConfig.buildDataAccessPoint(service, ours).getDataService();
        Statement list = FusekiConfig.findServer(config).getProperty(FusekiVocab.pServices);
        if (list != null)
            list.changeObject(list.getObject().as(RDFList.class).remove(service));
        config.removeAll(service, null, null);
        return built;
    }

    /** The overall query timeout of the configuration ("first,overall" or one value, in milliseconds). */
    private static long configuredTimeout(Model config) {
        var value = config.createProperty(JA + "cxtValue");
        return config.listSubjectsWithProperty(config.createProperty(JA + "cxtName"), "arq:queryTimeout").nextOptional()
            .map(setting -> setting.getProperty(value).getString().split(","))
            .map(parts -> Long.parseLong(parts[parts.length - 1].trim())).orElse(5000L);
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
        if (releases.all().stream().noneMatch(r -> r.dataset() == dataset)) // (else closed with the releases)
            Tdb2Store.release(dataset);
        releases.close();
    }
}
