package org.w3id.ftkg.serve;

import java.util.Set;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.util.Context;
import org.w3id.ftkg.serve.guard.GuardedQueryProcessor;
import org.w3id.ftkg.serve.guard.QueryGuard;
import org.w3id.ftkg.serve.guard.QueryLimits;

/**
 * The public endpoint's defences as one Fuseki module: every dataset's queries guarded (SERVICE
 * allow-list before execution, linear-time regex, bounded strings).
 */
public final class HardeningModule implements FusekiModule {
    private final QueryLimits limits;
    private final ServiceAllowList allowList;

    public HardeningModule(QueryLimits limits, ServiceAllowList allowList) {
        this.limits = limits;
        this.allowList = allowList;
    }

    @Override
    public String name() {
        return "FTKG hardening";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        builder.registerOperation(Operation.Query, new GuardedQueryProcessor(limits));
    }

    @Override
    public void configDataAccessPoint(DataAccessPoint dap, Model configModel) {
        Context context = dap.getDataService().getDataset().getContext();
        // The configuration file turns SERVICE off for standalone Fuseki; here the allow-list decides.
        context.set(Service.httpServiceAllowed, true);
        allowList.installIn(context);
        new QueryGuard(limits, allowList::permits).installIn(context);
    }
}
