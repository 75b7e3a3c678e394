package org.w3id.ftkg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /static/}: the pages' own CSS and scripts, from the jar; only the listed files exist. */
public final class StaticServlet extends HttpServlet {
    private static final String JS = "text/javascript;charset=utf-8";
    private static final String CSS = "text/css;charset=utf-8";
    static final Map<String, String> FILES = Map.ofEntries(
        Map.entry("ftkg.css", CSS),
        Map.entry("source.js", JS),
        Map.entry("query.js", JS),
        Map.entry("network.js", JS),
        Map.entry("cytoscape.min.js", JS),
        // Vendored from npm by tools/refresh-web-assets.sh (docs/web-assets.md).
        Map.entry("vendor/yasgui/yasgui.min.js", JS),
        Map.entry("vendor/yasgui/yasgui.min.css", CSS),
        Map.entry("vendor/layout-base/layout-base.js", JS),
        Map.entry("vendor/cose-base/cose-base.js", JS),
        Map.entry("vendor/cytoscape-fcose/cytoscape-fcose.js", JS));
    /** Files that come from WebJars rather than from our own static/ folder. */
    static final Map<String, String> WEBJARS = Map.of(
        "cytoscape.min.js", "/META-INF/resources/webjars/cytoscape/3.33.1/dist/cytoscape.min.js");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        String type = FILES.get(name);
        if (type == null) {
            Http.notFound(res, req.getRequestURI());
            return;
        }
        try (InputStream in = StaticServlet.class.getResourceAsStream(WEBJARS.getOrDefault(name, "/static/" + name))) {
            if (in == null) {
                Http.notFound(res, req.getRequestURI());
                return;
            }
            res.setHeader("Cache-Control", "public, max-age=3600");
            Http.send(res, 200, type, in.readAllBytes());
        }
    }
}
