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
import org.w3id.ftkg.serve.html.Pages;
import org.w3id.ftkg.serve.html.SourcesPage;

/**
 * {@code /timeline}, {@code /network} and {@code /sources}: the views built from the data through SPARQL.
 * The timeline's events and the network's edges and things are read once and kept while served.
 */
public final class ViewsServlet extends HttpServlet {
    private final LinkedDataStore store;
    private final ViewQueries views;
    private final Path seeds;
    private final ComputedOnce<List<ViewQueries.TimelineItem>> timeline;
    private final ComputedOnce<List<ViewQueries.Edge>> edges;
    private final ComputedOnce<Map<String, ViewQueries.Thing>> things;
    private final ComputedOnce<ClassCategories> categories;

    public ViewsServlet(LinkedDataStore store, Path seeds) {
        this.store = store;
        this.views = new ViewQueries(store.dataset());
        this.seeds = seeds;
        this.timeline = new ComputedOnce<>(() -> List.copyOf(views.timeline()));
        this.edges = new ComputedOnce<>(() -> List.copyOf(views.edges()));
        this.things = new ComputedOnce<>(() -> java.util.Collections.unmodifiableMap(views.nodes()));
        this.categories = new ComputedOnce<>(() -> ClassCategories.of(store.dataset()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        switch (req.getServletPath()) {
            case "/timeline" -> Http.html(res, Pages.render(TimelineView.page(timeline.get(), req.getParameter("type"),
                req.getParameter("actor"), req.getParameter("source"))));
            case "/network" -> network(req, res);
            case "/sources" -> sources(res);
            default -> Http.notFound(res, req.getRequestURI());
        }
    }

    private void network(HttpServletRequest req, HttpServletResponse res) throws IOException {
        List<ViewQueries.Edge> edges = this.edges.get();
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
        int depth = NetworkPage.DEFAULT_DEPTH;
        try {
            depth = Math.max(1, Math.min(NetworkPage.MAX_DEPTH, Integer.parseInt(req.getParameter("depth"))));
        } catch (NumberFormatException e) {
            // keep the default
        }
        Http.html(res, Pages.render(NetworkView.page(center, depth, edges, things.get(), store, categories.get())));
    }

    private void sources(HttpServletResponse res) throws IOException {
        Map<String, ViewQueries.SourceCounts> counts = views.sourceCounts();
        List<SourcesPage.Row> rows = new ArrayList<>();
        for (LinkedDataStore.Source s : store.sources()) {
            String text = SourceTexts.read(seeds, s.file());
            List<FactView> facts = store.factsOfSource(s.stem());
            ViewQueries.SourceCounts c = counts.getOrDefault(s.file(), new ViewQueries.SourceCounts(0, 0));
            ViewQueries.SourceMetadata m = views.sourceMetadata(s.stem());
            Coverage.Result coverage = Coverage.of(text, facts);
            rows.add(new SourcesPage.Row(s.stem(), s.file(), m.title(), m.author(), m.publisher(), m.date(), c.facts(), c.entities(),
                coverage.sentences(), coverage.covered(), ViewRecords.passages(text, facts)));
        }
        Http.html(res, Pages.render(new SourcesPage(rows)));
    }
}
