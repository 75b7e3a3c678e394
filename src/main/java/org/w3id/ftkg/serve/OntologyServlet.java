package org.w3id.ftkg.serve;

import static org.w3id.ftkg.serve.LinkedDataServlet.SUFFIXES;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.w3id.ftkg.serve.html.OntologyPage;
import org.w3id.ftkg.serve.html.Pages;

/**
 * The ontology IRI dereferenced ({@code /ontology}, terms at {@code /ontology#Term}) as W3C vocabularies are:
 * the reference page or the RDF by content negotiation or suffix, each made once, on first use.
 */
public final class OntologyServlet extends HttpServlet {
    static final String PATH = "/ontology";

    private final ComputedOnce<Graph> graph;
    private final ComputedOnce<OntologyPage> page;

    /** {@code dist}: the served release's dumps, whose VoID description counts each term's uses. */
    public OntologyServlet(LinkedDataStore store, Path dist) {
        OntologyReference reference = new OntologyReference(store, dist);
        this.graph = new ComputedOnce<>(reference::graph);
        this.page = new ComputedOnce<>(reference::page);
    }

    static void mount(FusekiServer.Builder b, OntologyServlet servlet) {
        b.addServlet(PATH, servlet);
        for (String suffix : SUFFIXES.keySet())
            b.addServlet(PATH + suffix, servlet);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        res.setHeader("Access-Control-Allow-Origin", "*");
        String path = req.getServletPath();
        RDFFormat format = path.equals(PATH) ? LinkedDataServlet.negotiate(req.getHeader("Accept"))
            : SUFFIXES.get(path.substring(PATH.length()));
        if (format == null)
            Http.html(res, Pages.render(page.get()));
        else
            Http.rdf(res, 200, graph.get(), format);
    }
}
