package org.w3id.ftkg.replica;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.fuseki.ctl.ActionMetrics;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.metrics.FusekiMetrics;
import org.apache.jena.fuseki.metrics.MetricsProvider;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What makes an FTKG server a good replica behind a load balancer, as one Fuseki module: {@code /$/ready} (200 only
 * once the data answers, 503 while starting or draining: the balancer's check), {@code /$/live} (200 while HTTP is
 * served: a supervisor's check), Prometheus metrics per route at {@code /$/metrics}, and a clean stop: on SIGTERM
 * readiness turns 503, the server keeps serving for the drain period, then lets requests in flight finish.
 */
public final class ReplicaModule implements FusekiModule {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaModule.class);
    static final String METRICS = "/$/metrics";

    enum State { STARTING, READY, DRAINING }

    private final ReplicaSettings settings;
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public ReplicaModule(ReplicaSettings settings) {
        this.settings = settings;
        registry.config().commonTags("application", "fuseki");
    }

    @Override
    public String name() {
        return "FTKG replica";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        HttpServlet health = new HttpServlet() { // HEAD too: HttpServlet.doHead runs doGet without the body
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                boolean live = "/$/live".equals(req.getServletPath());
                State now = state.get();
                resp.setStatus(live || now == State.READY ? 200 : 503);
                resp.setContentType("text/plain;charset=utf-8");
                resp.setHeader("Cache-Control", "no-store");
                resp.getWriter().println(live ? "live" : now.name().toLowerCase(Locale.ROOT));
            }
        };
        // Fuseki's metrics (enableMetrics would bind the JVM's gauges now; serverAfterStarting does it later).
        builder.addServlet(METRICS, new ActionMetrics())
            .addServlet("/$/ready", health)
            .addServlet("/$/live", health)
            .addFilter("/*", new RouteMetrics());
    }

    @Override
    public void server(FusekiServer server) {
        MetricsProvider metrics = new Metrics(registry);
        MetricsProvider.setMetricsProvider(server.getServletContext(), metrics);
        metrics.dataAccessPointMetrics(metrics, server.getDataAccessPointRegistry());
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
        for (var dap : server.getDataAccessPointRegistry().accessPoints()) {
            DatasetGraph dsg = dap.getDataService().getDataset();
            dsg.executeRead(() -> QueryExec.dataset(dsg).query("ASK { GRAPH ?g { ?s ?p ?o } }").ask());
        }
        // A replica that has begun to drain never becomes ready again.
        state.compareAndSet(State.STARTING, State.READY);
        LOG.info("ready");
        CompletableFuture.runAsync(() -> FusekiMetrics.registerMetrics(registry));
    }

    /** Called as Jetty begins to stop, before it closes its connectors. */
    private void drain() {
        state.set(State.DRAINING);
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

    /** Fuseki's Prometheus provider, without binding the JVM's gauges (CPU, memory, GC, disk) as it is made. */
    private record Metrics(PrometheusMeterRegistry registry) implements MetricsProvider {
        @Override
        public MeterRegistry getMeterRegistry() {
            return registry;
        }

        @Override
        public void scrape(HttpAction action) {
            try (ServletOutputStream out = action.getResponseOutputStream()) {
                ServletOps.success(action);
                action.setResponseContentType(WebContent.contentTypeTextPlain);
                action.setResponseCharacterEncoding(WebContent.charsetUTF8);
                out.write(registry.scrape().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                ServletOps.errorOccurred(e);
            }
        }
    }
}
