package org.w3id.ftkg.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.io.function.Uncheck;

import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.ThingIndex;
import org.w3id.ftkg.serve.html.NetworkPage;
import org.w3id.ftkg.serve.html.Pages;
import org.w3id.ftkg.serve.html.SourcesPage;
import org.w3id.ftkg.serve.html.TimelinePage;

/**
 * {@code /timeline}, {@code /network}, {@code /network.json} and {@code /sources}: one bounded page per request, by
 * index lookups (ADR 0014); kept: the event classes, the timeline's order (read from start-up) and the sources page.
 */
public final class ViewsServlet extends HttpServlet {
    private final LinkedDataStore store;
    private final ViewQueries views;
    private final Neighbourhood around;
    private final Path seeds;
    private final ComputedOnce<Map<String, String>> eventTypes;
    private CompletableFuture<TimelineIndex> timeline; // guarded by this
    private final ComputedOnce<Map<String, String>> categories;
    private final ComputedOnce<String> sourcesPage;

    public ViewsServlet(LinkedDataStore store, Path seeds) {
        this.store = store;
        this.views = new ViewQueries(store.dataset());
        this.around = new Neighbourhood(store);
        this.seeds = seeds;
        this.eventTypes = new ComputedOnce<>(() -> Collections.unmodifiableMap(views.eventTypes()));
        this.categories = new ComputedOnce<>(views::classCategories);
        this.sourcesPage = new ComputedOnce<>(this::sourcesPage);
    }

    /** The timeline's order, read in the background (at a million facts on TDB2 it takes minutes) from the first call. */
    synchronized CompletableFuture<TimelineIndex> timelineIndex() {
        // A reading that failed is not kept: the next visit tries again.
        if (timeline == null || timeline.isCompletedExceptionally())
            timeline = Background.supply("ftkg-timeline-index", () -> TimelineIndex.of(store.dataset()));
        return timeline;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        switch (req.getServletPath()) {
            case "/timeline" -> timeline(req, res);
            case "/network" -> Http.html(res, Pages.render(network(req)));
            case "/network.json" -> Http.send(res, 200, "application/json;charset=utf-8", network(req).json());
            case "/sources" -> {
                try {
                    Http.html(res, sourcesPage.get());
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            default -> Http.notFound(res, req.getRequestURI());
        }
    }

    private void timeline(HttpServletRequest req, HttpServletResponse res) throws IOException {
        ViewQueries.TimelineFilter f = new ViewQueries.TimelineFilter(req.getParameter("type"), req.getParameter("actor"),
            req.getParameter("source"));
        int size = number(req.getParameter("size"), TimelinePage.DEFAULT_SIZE, 1, TimelinePage.MAX_SIZE);
        int offset = number(req.getParameter("offset"), 0, 0, Integer.MAX_VALUE);
        // Never a partial timeline: until its order is read, say when to come back, as the search does.
        TimelineIndex index = Http.awaitWarming(timelineIndex(), res, "the timeline is still being prepared");
        if (index == null)
            return;
        List<ViewQueries.TimelineItem> items = views.items(index.page(store.dataset(), f, offset, size), store);
        List<String> files = store.sources().stream().map(LinkedDataStore.Source::file).toList();
        Http.html(res, Pages.render(TimelineView.page(items, f, offset, size, eventTypes.get(), files)));
    }

    private NetworkPage network(HttpServletRequest req) {
        String center = req.getParameter("center");
        List<String> choices = store.exampleEntities(HOME_EXAMPLES);
        if (center == null || center.isBlank())
            // Default: the thing most facts mention (ranked once, see LinkedDataStore#exampleEntities).
            center = choices.isEmpty() ? "" : choices.get(0);
        else if (ThingIndex.SLUG.matcher(center).matches())
            center = Iris.ID + center;
        int depth = number(req.getParameter("depth"), NetworkPage.DEFAULT_DEPTH, 1, NetworkPage.MAX_DEPTH);
        int offset = number(req.getParameter("offset"), 0, 0, Integer.MAX_VALUE);
        return NetworkView.page(center, depth, offset, req.getParameter("relation"), req.getParameter("source"), around, choices,
            store, categories.get());
    }

    /** The entities the network's centre field offers, the same the home page starts from. */
    static final int HOME_EXAMPLES = 12;

    /** A whole-number parameter within bounds; the default when absent or not a number. */
    static int number(String value, int otherwise, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The sources with their counts, coverage and passages; a text that cannot be read safely fails the page (not kept). */
    private String sourcesPage() {
        Map<String, ViewQueries.SourceCounts> counts = views.sourceCounts();
        List<SourcesPage.Row> rows = new ArrayList<>();
        for (LinkedDataStore.Source s : store.sources()) {
            String text = Uncheck.apply(LinkedDataServlet::sourceText, seeds, s.file());
            List<FactView> facts = store.factsOfSource(s.stem());
            ViewQueries.SourceCounts c = counts.getOrDefault(s.file(), new ViewQueries.SourceCounts(0, 0));
            ViewQueries.SourceMetadata m = views.sourceMetadata(s.stem());
            ViewRecords.Coverage coverage = ViewRecords.coverage(text, facts);
            rows.add(new SourcesPage.Row(s.stem(), s.file(), m.title(), m.author(), m.publisher(), m.date(), c.facts(),
                c.entities(), coverage.sentences(), coverage.covered(), ViewRecords.passages(text, facts)));
        }
        return Pages.render(new SourcesPage(rows));
    }
}
