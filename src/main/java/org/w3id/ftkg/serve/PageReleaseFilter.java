package org.w3id.ftkg.serve;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.ftkg.serve.html.Pages;

/** Names, for the pages a request renders, their data's release: the one under /v/VERSION/, else the served one. */
public final class PageReleaseFilter extends HttpFilter {
    private final DataRelease served;
    private final HeldReleases releases;

    public PageReleaseFilter(DataRelease served, HeldReleases releases) {
        this.served = served;
        this.releases = releases;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
        throws IOException, ServletException {
        Pages.Served previous = Pages.served();
        Pages.setServed(served(req.getRequestURI()));
        try {
            chain.doFilter(req, res);
        } finally {
            Pages.setServed(previous);
        }
    }

    Pages.Served served(String path) {
        if (path != null && path.startsWith("/v/")) {
            int slash = path.indexOf('/', 3);
            var held = releases.find(slash < 0 ? path.substring(3) : path.substring(3, slash));
            if (held.isPresent())
                return served(held.get().asDataRelease(), held.get().base());
        }
        return served(served, "");
    }

    private Pages.Served served(DataRelease r, String base) {
        return r.released() ? new Pages.Served("FTKG release " + r.version() + " (issued " + r.date() + ")", "/releases/", base)
            : new Pages.Served("unreleased build (" + r.date() + ")", releases.isEmpty() ? null : "/releases/", base);
    }
}
