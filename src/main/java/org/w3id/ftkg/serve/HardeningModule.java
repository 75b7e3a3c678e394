package org.w3id.ftkg.serve;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import org.w3id.ftkg.serve.terms.UnknownTerms;

/**
 * The public endpoint's defences as one Fuseki module, for every dataset: bodies capped, parameters decoded strictly,
 * safe CORS, updates only as SPARQL Update, results held and capped, queries guarded, stalled connections closed.
 */
public record HardeningModule(QueryLimits limits, ServiceAllowList allowList, long maxBodyBytes, long maxResultBytes,
                              long idleTimeoutMs) implements FusekiModule {
    public static final String UPDATE = "update";
    private static final String SPARQL_UPDATE = "application/sparql-update";

    @Override
    public String name() {
        return "FTKG hardening";
    }

    @Override
    public void prepare(FusekiServer.Builder b, Set<String> datasetNames, Model configModel) {
        b.registerOperation(Operation.Query, new GuardedQueryProcessor(limits))
            // Fuseki's CORS filter reflects any Origin (null too) with credentials: cors(...) below replaces it.
            .enableCors(false)
            .addFilter("/*", new RequestSizeFilter(maxBodyBytes));
        Set<String> updates = datasetNames.stream().map(d -> d + "/" + UPDATE).collect(Collectors.toSet());
        b.addFilter("/*", (rq, rs, chain) -> cors(updates, (HttpServletRequest) rq, (HttpServletResponse) rs, chain));
        for (String d : datasetNames) {
            b.addFilter(d + "/" + UPDATE, HardeningModule::onlySparqlUpdate)
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

    /** CORS for a public read-only service: any origin ({@code *}), never with credentials, none on {@code noCors}. */
    private static void cors(Set<String> noCors, HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (req.getHeader("Origin") == null || noCors.contains(path)) {
            chain.doFilter(req, res);
            return;
        }
        res.setHeader("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(req.getMethod()) && req.getHeader("Access-Control-Request-Method") != null) {
            res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
            res.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
            res.setHeader("Access-Control-Max-Age", "86400");
            res.setStatus(204);
            return;
        }
        // A script on another site may read what the endpoint says about its query's terms.
        res.setHeader("Access-Control-Expose-Headers", UnknownTerms.HEADER);
        chain.doFilter(req, res);
    }

    /**
     * Updates only as {@code application/sparql-update}: a type no plain form can send, and no script elsewhere
     * without a CORS preflight this server never grants, so no page can write through an editor's cached login (CSRF).
     */
    private static void onlySparqlUpdate(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        String type = req.getContentType();
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if ("OPTIONS".equals(((HttpServletRequest) req).getMethod()) || SPARQL_UPDATE.equals(mime))
            chain.doFilter(req, res);
        else
            Http.send((HttpServletResponse) res, 415, "text/plain;charset=utf-8",
                "Updates are accepted only as a POST with Content-Type: " + SPARQL_UPDATE + ".\n");
    }
}
