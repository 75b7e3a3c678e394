package org.w3id.ftkg.replica;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What makes an FTKG server a good replica behind a load balancer, as one Fuseki module:
 * readiness and liveness ({@code /$/ready}, {@code /$/live}), Prometheus metrics per route
 * ({@code /$/metrics}, Fuseki's registry), and a clean stop: on SIGTERM readiness turns 503, the
 * server keeps serving for the drain period, then stops accepting and lets requests in flight finish.
 */
public final class ReplicaModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaModule.class);
    static final String METRICS = "/$/metrics";

    private final ReplicaSettings settings;
    private final Readiness readiness = new Readiness();

    public ReplicaModule(ReplicaSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "FTKG replica";
    }

    public Readiness readiness() {
        return readiness;
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        HealthServlet health = new HealthServlet(readiness);
        builder.enableMetrics(true)
            .addServlet(HealthServlet.READY, health)
            .addServlet(HealthServlet.LIVE, health)
            .addFilter("/*", new RouteMetrics());
    }

    @Override
    public void server(FusekiServer server) {
        Server jetty = server.getJettyServer();
        // Jetty waits for requests in flight only through a GracefulHandler and a stop timeout.
        GracefulHandler graceful = new GracefulHandler();
        graceful.setHandler(jetty.getHandler());
        jetty.setHandler(graceful);
        jetty.setStopTimeout(settings.stopTimeout().toMillis());
        jetty.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                drain();
            }
        });
    }

    @Override
    public void serverAfterStarting(FusekiServer server) {
        // Ready once the data answers a query (for TDB2 this reads the indexes), not merely once HTTP is up.
        server.getDataAccessPointRegistry().accessPoints().forEach(dap -> probe(dap.getDataService().getDataset()));
        readiness.ready();
        LOG.info("ready");
    }

    private static void probe(DatasetGraph dsg) {
        dsg.executeRead(() -> QueryExec.dataset(dsg).query(QueryFactory.create("ASK { GRAPH ?g { ?s ?p ?o } }")).ask());
    }

    /** Called as Jetty begins to stop, before it closes its connectors. */
    private void drain() {
        readiness.draining();
        long ms = settings.drain().toMillis();
        if (ms <= 0)
            return;
        LOG.info("draining for {} ms before stopping", ms);
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
