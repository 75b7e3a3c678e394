package org.w3id.ftkg.serve;

import java.util.List;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.service.single.ServiceExecutor;
import org.apache.jena.sparql.util.Context;

/** Federated SERVICE calls reach only the allow-list (Jena has none); anything else is refused before any request. */
public final class ServiceAllowList implements ChainingServiceExecutor {
    public static final String WIKIDATA = "https://query.wikidata.org/sparql";

    private final List<String> allowed;

    public ServiceAllowList(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Installs the allow-list for queries on a dataset with this context. */
    public void installIn(Context context) {
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.createFrom(ServiceExecutorRegistry.get());
        registry.getSingleChain().add(0, this);
        ServiceExecutorRegistry.set(context, registry);
    }

    public boolean permits(String endpoint) {
        return allowed.stream().anyMatch(a -> endpoint.equals(a) || endpoint.startsWith(a + "?"));
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding,
                                         ExecutionContext execCxt, ServiceExecutor chain) {
        var service = opExecute.getService();
        String endpoint = service.isURI() ? service.getURI() : String.valueOf(service);
        if (!service.isURI() || !permits(endpoint))
            throw new QueryDeniedException("SERVICE <" + endpoint + "> is not allowed: federated queries may only call "
                + String.join(", ", allowed));
        return chain.createExecution(opExecute, original, binding, execCxt);
    }
}
