package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.ftkg.files.InputFile;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.release.ReleaseFolder;
import org.w3id.ftkg.serve.html.GonePage;
import org.w3id.ftkg.serve.html.Pages;

/**
 * Dereferences {@code /id/}, {@code /fact/} and {@code /source/} IRIs: HTML or RDF by {@code Accept} or suffix; a
 * source's {@code .txt} text, a fact's {@code .canonical.nq} (RDFC-1.0, the SHA-256 of which is its content hash).
 */
public final class LinkedDataServlet extends HttpServlet {
    /** The suffix of a fact's canonical N-Quads: {@code curl …/fact/ID.canonical.nq | sha256sum} gives its hash. */
    static final String CANONICAL = ".canonical.nq";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    static final Map<String, RDFFormat> SUFFIXES = Map.of(
        ".ttl", RDFFormat.TURTLE_PRETTY, ".jsonld", RDFFormat.JSONLD11_PRETTY,
        ".nt", RDFFormat.NTRIPLES, ".rdf", RDFFormat.RDFXML_PRETTY);
    private static final List<String> ALL_SUFFIXES = List.of(".ttl", ".jsonld", ".nt", ".rdf", ".txt", ".bib", ".csl.json",
        CANONICAL);
    private static final AcceptList OFFERS = AcceptList.create("text/turtle", "text/html", "application/xhtml+xml",
        "application/ld+json", "application/n-triples", "application/rdf+xml", "application/json");

    private final String kind; // "id", "fact" or "source"
    private final LinkedDataStore store;
    private final LinkedDataPages pages;
    private final Path seeds;
    private final HeldReleases releases;

    /** {@code releases}: the releases held, so that a fact only they have answers 410 Gone with a link to the last. */
    public LinkedDataServlet(String kind, LinkedDataStore store, Path seeds, DataRelease release, HeldReleases releases) {
        this.kind = kind;
        this.releases = releases;
        this.store = store;
        this.pages = new LinkedDataPages(store, release);
        this.seeds = seeds;
    }

    /** The routes /id/*, /fact/* and /source/* under {@code base} ("" or /v/VERSION) over one store. */
    static void mount(FusekiServer.Builder b, String base, LinkedDataStore store, Path seeds, DataRelease release,
                      HeldReleases releases) {
        for (String kind : List.of("id", "fact", "source"))
            b.addServlet(base + "/" + kind + "/*", new LinkedDataServlet(kind, store, seeds, release, releases));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setHeader("Vary", "Accept");
        res.setHeader("Access-Control-Allow-Origin", "*");
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        String suffix = ALL_SUFFIXES.stream().filter(path::endsWith).findFirst().orElse("");
        String name = path.substring(0, path.length() - suffix.length());
        if (!NAME.matcher(name).matches()) {
            Http.notFound(res, req.getRequestURI());
            return;
        }
        String iri = switch (kind) {
            case "fact" -> Iris.FACT + name;
            case "source" -> Iris.SOURCE + name;
            default -> Iris.ID + name;
        };
        Graph g = store.describe(iri);
        Optional<HeldRelease> last = g.isEmpty() && kind.equals("fact") ? releases.lastHaving(name) : Optional.empty();
        if (last.isPresent())
            gone(req, res, iri, name, last.get(), suffix);
        else if (g.isEmpty())
            Http.notFound(res, iri);
        else if (!fits(suffix))
            Http.notFound(res, req.getRequestURI());
        else if (suffix.equals(".txt"))
            Http.send(res, 200, "text/plain;charset=utf-8", sourceText(g, iri));
        else if (suffix.equals(CANONICAL))
            Http.send(res, 200, "application/n-quads;charset=utf-8", store.canonicalFact(iri));
        else if (suffix.equals(".bib") || suffix.equals(".csl.json"))
            cite(res, iri, name, suffix);
        else if (format(req, suffix) == null)
            Http.html(res, html(iri, name, g));
        else {
            Vocab.PREFIXES.forEach(g.getPrefixMapping()::setNsPrefix);
            Http.rdf(res, 200, g, format(req, suffix));
        }
    }

    /** Whether a suffix fits: text is a source's, the canonical form a fact's, a citation anything's but a source's. */
    private boolean fits(String suffix) {
        return switch (suffix) {
            case ".txt" -> kind.equals("source");
            case CANONICAL -> kind.equals("fact");
            case ".bib", ".csl.json" -> !kind.equals("source");
            default -> true;
        };
    }

    /** The RDF format a suffix names, else the one the Accept header asks for; null for HTML. */
    private static RDFFormat format(HttpServletRequest req, String suffix) {
        return suffix.isEmpty() ? negotiate(req.getHeader("Accept")) : SUFFIXES.get(suffix);
    }

    /** A fact an older release has and the served data has not: 410 Gone (its IRI is not reused), with the last release. */
    private void gone(HttpServletRequest req, HttpServletResponse res, String iri, String id, HeldRelease last, String suffix)
        throws IOException {
        String there = last.base() + "/fact/" + id;
        res.setHeader("Link", "<" + there + ">; rel=\"alternate\"");
        RDFFormat format = format(req, suffix);
        if (!suffix.isEmpty() && format == null) {
            Http.notFound(res, req.getRequestURI());
            return;
        }
        if (format == null) {
            Http.send(res, 410, "text/html;charset=utf-8", Pages.render(new GonePage(iri, id, last.version(), last.issued(), there)));
            return;
        }
        String absolute = req.getRequestURL().toString();
        absolute = absolute.substring(0, absolute.length() - req.getRequestURI().length()) + there;
        Graph g = GraphFactory.createDefaultGraph();
        Node fact = Iris.uri(iri);
        g.add(fact, RDFS.seeAlso.asNode(), Iris.uri(absolute));
        g.add(fact, Iris.uri(Vocab.DCT + "isPartOf"), Iris.uri(ReleaseFolder.RELEASE_BASE + last.version()));
        g.add(fact, Vocab.COMMENT, NodeFactory.createLiteralLang(
            "Not in the served data; last in FTKG release " + last.version() + ".", "en"));
        Vocab.PREFIXES.forEach(g.getPrefixMapping()::setNsPrefix);
        Http.rdf(res, 410, g, format);
    }

    /** A citation file, downloaded under a name such as {@code ftkg-fact-004-caro-quintero-release.bib}. */
    private void cite(HttpServletResponse res, String iri, String name, String suffix) throws IOException {
        var c = pages.citation(iri);
        res.setHeader("Content-Disposition", "attachment; filename=\"ftkg-" + kind + "-" + name + suffix + "\"");
        if (suffix.equals(".bib"))
            Http.send(res, 200, "application/x-bibtex;charset=utf-8", c.bibtex());
        else
            Http.send(res, 200, "application/vnd.citationstyles.csl+json;charset=utf-8", c.cslJson());
    }

    /** The Content-Type of an RDF format (Jena names JSON-LD 1.1 with a private type). */
    static String contentType(RDFFormat format) {
        String type = format == RDFFormat.JSONLD11_PRETTY ? "application/ld+json" : format.getLang().getHeaderString();
        return type + ";charset=utf-8";
    }

    /** The offer an Accept header prefers; null when it has none, or is empty or unreadable. */
    static MediaType match(String accept, AcceptList offers) {
        if (accept == null || accept.isBlank())
            return null;
        try {
            return AcceptList.match(new AcceptList(accept), offers);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The RDF format asked for (Turtle by default), or null for HTML. */
    static RDFFormat negotiate(String accept) {
        MediaType m = match(accept, OFFERS);
        return switch (m == null ? "" : m.getContentTypeStr()) {
            case "text/html", "application/xhtml+xml" -> null;
            case "application/ld+json", "application/json" -> RDFFormat.JSONLD11_PRETTY;
            case "application/n-triples" -> RDFFormat.NTRIPLES;
            case "application/rdf+xml" -> RDFFormat.RDFXML_PRETTY;
            default -> RDFFormat.TURTLE_PRETTY;
        };
    }

    private String html(String iri, String name, Graph g) throws IOException {
        return Pages.render(switch (kind) {
            case "fact" -> pages.fact(iri, g);
            case "source" -> pages.source(name, sourceText(g, iri), g);
            default -> pages.entity(iri, g);
        });
    }

    /** The text of a source, found by the file name its description gives (never by a path from the URL). */
    private String sourceText(Graph g, String iri) throws IOException {
        return sourceText(seeds, G.getSP(g, Iris.uri(iri), Vocab.DCT_IDENTIFIER).getLiteralLexicalForm());
    }

    /** The text of {@code file} in {@code seeds}, under the build's file rule ({@link InputFile}). */
    static String sourceText(Path seeds, String file) throws IOException {
        Path p = seeds.resolve(file).normalize();
        if (!seeds.normalize().equals(p.getParent()))
            throw new IOException("source file outside seeds/: " + file);
        var problem = InputFile.problem(seeds, p);
        if (problem.isPresent())
            throw new IOException("seeds/" + file + " " + problem.get());
        return Files.readString(p);
    }
}
