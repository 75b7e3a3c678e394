package org.w3id.ftkg.serve;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.server.AbstractConnector;
import org.w3id.ftkg.serve.guard.GuardedQueryProcessor;
import org.w3id.ftkg.serve.guard.LoadGuard;
import org.w3id.ftkg.serve.guard.QueryGuard;
import org.w3id.ftkg.serve.guard.QueryLimits;

/**
 * The public endpoint's defences as one Fuseki module, for every dataset: request bodies capped, parameters decoded
 * strictly, CORS without credentials and none on updates, updates only as {@code application/sparql-update}, results
 * held until complete and capped, queries guarded (SERVICE and LOAD allow-list, linear-time regex, bounded strings,
 * DESCRIBE, size, depth and log line), and stalled connections closed after {@code idleTimeoutMs}.
 */
public record HardeningModule(QueryLimits limits, ServiceAllowList allowList, long maxBodyBytes, long maxResultBytes,
                              long idleTimeoutMs) implements FusekiModule {
    public static final String UPDATE = "update";

    @Override
    public String name() {
        return "FTKG hardening";
    }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        b.registerOperation(Operation.Query, new GuardedQueryProcessor(limits))
            // Fuseki's CORS filter reflects any Origin with credentials; CorsFilter replaces it.
            .enableCors(false)
            .addFilter("/*", new RequestSizeFilter(maxBodyBytes))
            .addFilter("/*", new CorsFilter(datasetNames.stream().map(d -> d + "/" + UPDATE).collect(Collectors.toSet())));
        for (String d : datasetNames) {
            b.addFilter(d + "/" + UPDATE, new UpdateRequestFilter())
                .addFilter(d + "/*", new BufferedResultsFilter(maxResultBytes));
        }
    }

    @Override
    public void configDataAccessPoint(DataAccessPoint dap, Model configModel) {
        Context context = dap.getDataService().getDataset().getContext();
        // The configuration file turns SERVICE off for standalone Fuseki; here the allow-list decides.
        context.set(Service.httpServiceAllowed, true);
        allowList.installIn(context);
        new QueryGuard(limits, allowList::permits).installIn(context);
        LoadGuard.installIn(context, allowList::permits);
    }

    @Override
    public void serverBeforeStarting(FusekiServer server) {
        // A client that stalls mid-request gives its thread back after this long, not Jetty's 30 s.
        for (var c : server.getJettyServer().getConnectors())
            if (c instanceof AbstractConnector ac)
                ac.setIdleTimeout(idleTimeoutMs);
    }
}
