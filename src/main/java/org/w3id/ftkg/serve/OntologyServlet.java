package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFFormat;
import org.w3id.ftkg.serve.html.OntologyPage;
import org.w3id.ftkg.serve.html.Pages;

/**
 * The ontology IRI dereferenced ({@code /ontology}, whose terms are {@code /ontology#Term}), as
 * W3C and schema.org vocabularies are served: the reference page for browsers, the ontology in
 * RDF for machines (content negotiation with {@code Vary: Accept}), and {@code .ttl},
 * {@code .jsonld}, {@code .nt}, {@code .rdf} suffixes. Both are made once, on first use.
 */
public final class OntologyServlet extends HttpServlet {
    /** The routes, under the server's root. */
    static final String PATH = "/ontology";
    static final Map<String, RDFFormat> SUFFIXES = Map.of(
        ".ttl", RDFFormat.TURTLE_PRETTY, ".jsonld", RDFFormat.JSONLD11_PRETTY,
        ".nt", RDFFormat.NTRIPLES, ".rdf", RDFFormat.RDFXML_PRETTY);

    private final ComputedOnce<Graph> graph;
    private final ComputedOnce<OntologyPage> page;

    /** {@code dist}: the served release's dumps, whose VoID description counts each term's uses. */
    public OntologyServlet(LinkedDataStore store, Path dist) {
        OntologyReference reference = new OntologyReference(store, dist);
        this.graph = new ComputedOnce<>(reference::graph);
        this.page = new ComputedOnce<>(reference::page);
    }

    /** Mounts the ontology IRI and its suffix variants. */
    static void mount(org.apache.jena.fuseki.main.FusekiServer.Builder b, OntologyServlet servlet) {
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
        if (format == null) {
            Http.html(res, Pages.render(page.get()));
            return;
        }
        Http.rdf(res, 200, graph.get(), format);
    }
}
