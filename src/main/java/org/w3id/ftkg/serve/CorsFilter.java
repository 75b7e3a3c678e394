package org.w3id.ftkg.serve;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for a public read-only service: any origin may read, none with credentials
 * ({@code Access-Control-Allow-Origin: *}, never {@code Allow-Credentials}), so a page elsewhere
 * can query FTKG but never through a visitor's login. Paths that change data get no CORS at all.
 * (Fuseki's own CORS filter reflects any Origin, {@code null} included, with credentials.)
 */
public final class CorsFilter implements Filter {
    private final Set<String> noCors;

    /** @param noCors request paths (after the context path) that get no CORS headers */
    public CorsFilter(Set<String> noCors) {
        this.noCors = Set.copyOf(noCors);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getHeader("Origin") == null || noCors.contains(path)) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        if ("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
            response.setHeader("Access-Control-Max-Age", "86400");
            response.setStatus(204);
            return;
        }
        // A script on another site may read what the endpoint says about its query's terms.
        response.setHeader("Access-Control-Expose-Headers", org.w3id.ftkg.serve.terms.UnknownTerms.HEADER);
        chain.doFilter(req, res);
    }
}
