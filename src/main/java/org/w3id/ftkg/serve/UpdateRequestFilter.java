package org.w3id.ftkg.serve;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The update endpoint takes only {@code application/sparql-update} bodies: a type no plain HTML
 * form can send, and that a script on another site cannot send without a CORS preflight this
 * server never grants. So a page elsewhere cannot write through an editor's cached Basic login
 * (cross-site request forgery); the {@code update=} form encoding is refused.
 */
public final class UpdateRequestFilter implements Filter {
    static final String SPARQL_UPDATE = "application/sparql-update";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String type = request.getContentType();
        String mime = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if ("OPTIONS".equals(request.getMethod()) || SPARQL_UPDATE.equals(mime)) {
            chain.doFilter(req, res);
            return;
        }
        Http.send((HttpServletResponse) res, 415, "text/plain;charset=utf-8",
            "Updates are accepted only as a POST with Content-Type: " + SPARQL_UPDATE + ".\n");
    }
}
