package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.ThingIndex;
import org.w3id.ftkg.serve.html.NetworkPage;
import org.w3id.ftkg.serve.html.SourcesPage;
import org.w3id.ftkg.serve.html.TimelinePage;

/** {@code /timeline}, {@code /network} and {@code /sources}: the views built from the data through SPARQL. */
public final class ViewsServlet extends HttpServlet {
    private final LinkedDataStore store;
    private final ViewQueries views;
    private final Path seeds;

    public ViewsServlet(LinkedDataStore store, Path seeds) {
        this.store = store;
        this.views = new ViewQueries(store.dataset());
        this.seeds = seeds;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        switch (req.getServletPath()) {
            case "/timeline" -> Http.html(res, TimelinePage.render(views.timeline(), req.getParameter("type"),
                req.getParameter("actor"), req.getParameter("source")));
            case "/network" -> network(req, res);
            case "/sources" -> sources(res);
            default -> Http.notFound(res, req.getRequestURI());
        }
    }

    private void network(HttpServletRequest req, HttpServletResponse res) throws IOException {
        List<ViewQueries.Edge> edges = views.edges();
        Map<String, String[]> nodes = views.nodes();
        String center = req.getParameter("center");
        if (center == null || center.isBlank()) {
            // Default: the best-connected thing.
            Map<String, Integer> degree = new java.util.HashMap<>();
            edges.forEach(e -> {
                degree.merge(e.from(), 1, Integer::sum);
                degree.merge(e.to(), 1, Integer::sum);
            });
            center = degree.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse("");
        } else if (ThingIndex.SLUG.matcher(center).matches())
            center = Iris.ID + center;
        int depth = 2;
        try {
            depth = Math.max(1, Math.min(4, Integer.parseInt(req.getParameter("depth"))));
        } catch (NumberFormatException e) {
            // keep the default
        }
        Http.html(res, NetworkPage.render(center, depth, edges, nodes, store));
    }

    private void sources(HttpServletResponse res) throws IOException {
        Map<String, long[]> counts = views.sourceCounts();
        List<SourcesPage.Row> rows = new ArrayList<>();
        for (Map<String, String> s : store.sources()) {
            String text = Files.readString(seeds.resolve(s.get("file")));
            List<FactView> facts = store.factsOfSource(s.get("stem"));
            long[] c = counts.getOrDefault(s.get("file"), new long[2]);
            rows.add(new SourcesPage.Row(s.get("stem"), s.get("file"), views.sourceMetadata(s.get("stem")), c[0], c[1],
                Coverage.of(text, facts), text, facts));
        }
        Http.html(res, SourcesPage.render(rows));
    }
}
