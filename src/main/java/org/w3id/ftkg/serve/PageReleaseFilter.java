package org.w3id.ftkg.serve;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.w3id.ftkg.serve.html.Pages;

/**
 * Names, for the pages a request renders, the release their data comes from: the one under
 * {@code /v/VERSION/} for those routes, else the release the default routes serve.
 */
public final class PageReleaseFilter implements Filter {
    private final DataRelease served;
    private final HeldReleases releases;

    public PageReleaseFilter(DataRelease served, HeldReleases releases) {
        this.served = served;
        this.releases = releases;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        Pages.Footer previous = Pages.footer();
        Pages.setFooter(footer(((HttpServletRequest) req).getRequestURI()));
        try {
            chain.doFilter(req, res);
        } finally {
            Pages.setFooter(previous);
        }
    }

    Pages.Footer footer(String path) {
        DataRelease r = served;
        if (path != null && path.startsWith("/v/")) {
            int slash = path.indexOf('/', 3);
            String version = slash < 0 ? path.substring(3) : path.substring(3, slash);
            r = releases.find(version).map(HeldRelease::asDataRelease).orElse(served);
        }
        return r.released() ? new Pages.Footer("FTKG release " + r.version() + " (issued " + r.date() + ")", "/releases/")
            : new Pages.Footer("unreleased build (" + r.date() + ")", releases.isEmpty() ? null : "/releases/");
    }
}
