package org.w3id.ftkg.serve;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.ftkg.serve.terms.UnknownTerms;

/**
 * CORS for a public read-only service: any origin ({@code *}), never with credentials, none on paths that change
 * data. (Fuseki's own filter reflects any Origin, {@code null} included, with credentials.)
 */
public final class CorsFilter extends HttpFilter {
    private final Set<String> noCors;

    /** @param noCors request paths (after the context path) that get no CORS headers */
    public CorsFilter(Set<String> noCors) {
        this.noCors = Set.copyOf(noCors);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
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
}
