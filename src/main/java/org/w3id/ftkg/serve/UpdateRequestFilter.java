package org.w3id.ftkg.serve;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Updates only as {@code application/sparql-update}: a type no plain form can send, and no script elsewhere
 * without a CORS preflight this server never grants, so no page can write through an editor's cached login (CSRF).
 */
public final class UpdateRequestFilter extends HttpFilter {
    static final String SPARQL_UPDATE = "application/sparql-update";

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        String type = req.getContentType();
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if ("OPTIONS".equals(req.getMethod()) || SPARQL_UPDATE.equals(mime))
            chain.doFilter(req, res);
        else
            Http.send(res, 415, "text/plain;charset=utf-8",
                "Updates are accepted only as a POST with Content-Type: " + SPARQL_UPDATE + ".\n");
    }
}
