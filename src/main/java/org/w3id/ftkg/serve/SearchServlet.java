package org.w3id.ftkg.serve;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.json.JsonBuilder;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.w3id.ftkg.search.EntitySearch;
import org.w3id.ftkg.search.SearchHit;
import org.w3id.ftkg.serve.html.Link;
import org.w3id.ftkg.serve.html.Pages;
import org.w3id.ftkg.serve.html.SearchPage;

/**
 * {@code /search?q=}: matching things as a page or (by Accept or {@code format=json}) JSON shaped like Wikidata's
 * {@code wbsearchentities}; while the index is built, a wait, then 503 (never an empty result).
 */
public final class SearchServlet extends HttpServlet {
    private static final AcceptList OFFERS = AcceptList.create("text/html", "application/xhtml+xml", "application/json");
    private final CompletableFuture<EntitySearch> search;

    public SearchServlet(CompletableFuture<EntitySearch> search) {
        this.search = search;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        boolean json = wantsJson(req.getParameter("format"), req.getHeader("Accept"));
        String q = req.getParameter("q");
        String limitParam = req.getParameter("limit");
        int limit = ViewsServlet.number(limitParam == null ? null : limitParam.trim(), EntitySearch.DEFAULT_LIMIT, 1,
            EntitySearch.MAX_LIMIT);
        EntitySearch ready = Http.awaitWarming(search, res, "the search index is still being built");
        if (ready == null)
            return;
        List<SearchHit> hits;
        try {
            hits = ready.search(q, limit);
        } catch (EntitySearch.QueryRefused e) {
            JsonObject error = JsonBuilder.buildObject(b -> b.key("error").startObject().pair("code", "bad-query")
                .pair("info", e.getMessage()).finishObject());
            send(res, 400, json, error, new SearchPage(q, List.of(), e.getMessage()));
            return;
        }
        send(res, 200, json, json(q, hits), page(q, hits));
    }

    private static void send(HttpServletResponse res, int status, boolean json, JsonObject data, SearchPage page)
        throws IOException {
        if (json)
            Http.send(res, status, "application/json;charset=utf-8", data.toString());
        else
            Http.send(res, status, "text/html;charset=utf-8", Pages.render(page));
    }

    static SearchPage page(String q, List<SearchHit> hits) {
        List<SearchPage.Result> results = hits.stream().map(h -> {
            SearchHit.Match m = h.match();
            // The name that matched is worth showing only if the page does not already show it.
            boolean shown = m.text().equals(h.label()) || m.text().equals(h.description());
            return new SearchPage.Result(Link.to(h.iri(), h.label()), h.typeLabel(), h.description(),
                shown ? null : matchedBy(m), shown ? null : m.text(), m.kind().equals("fuzzy"));
        }).toList();
        return new SearchPage(q == null ? "" : q, results, null);
    }

    static String matchedBy(SearchHit.Match m) {
        return switch (m.field()) {
            case "alias" -> "also written";
            case "description" -> "described as";
            default -> "es".equals(m.language()) ? "in Spanish" : "named";
        };
    }

    static boolean wantsJson(String format, String accept) {
        if (format != null)
            return format.equalsIgnoreCase("json");
        // An empty or unreadable Accept header gets the page.
        MediaType m = LinkedDataServlet.match(accept, OFFERS);
        return m != null && m.getContentTypeStr().equals("application/json");
    }

    /** Wikidata's shape: {@code searchinfo}, {@code search} (one object per thing), {@code success}. */
    static JsonObject json(String q, List<SearchHit> hits) {
        JsonBuilder b = JsonBuilder.create().startObject().key("searchinfo").startObject().pair("search", q == null ? "" : q)
            .finishObject().key("search").startArray();
        for (SearchHit h : hits) {
            b.startObject().pair("id", h.id()).pair("concepturi", h.iri()).pair("url", Link.localHref(h.iri()))
                .pair("label", h.label());
            if (h.description() != null)
                b.pair("description", h.description());
            if (h.type() != null)
                b.key("type").startObject().pair("id", h.type()).pair("label", h.typeLabel()).finishObject();
            SearchHit.Match m = h.match();
            b.key("match").startObject().pair("type", m.field()).pair("language", m.language()).pair("text", m.text())
                .pair("kind", m.kind()).finishObject().finishObject();
        }
        return b.finishArray().pair("success", 1).finishObject().build().getAsObject();
    }
}
