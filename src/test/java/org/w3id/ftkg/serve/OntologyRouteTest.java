package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.Vocab;

/**
 * The ontology IRI dereferences on the server as W3C vocabularies do: the reference page for a
 * browser, the ontology in RDF for a machine, every term of ontology/ftkg.ttl under its own anchor
 * with its labels, its uses in the built-in corpus and an example from a fact.
 */
class OntologyRouteTest {
    @RegisterExtension
    static final HostileClient client = HostileClient.real(s -> s);

    static final Graph ONTOLOGY = Ontology.load(TestProject.ROOT, new Problems()).orElseThrow().graph();
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    HttpResponse<String> get(String path, String accept) throws Exception {
        return accept == null ? Requests.get(client.server.baseUrl(), path) : Requests.get(client.server.baseUrl(), path, "Accept", accept);
    }

    static List<String> localNames() {
        List<String> out = new ArrayList<>();
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode(),
            OWL.NamedIndividual.asNode()))
            ONTOLOGY.find(Node.ANY, Vocab.TYPE, type).mapWith(t -> t.getSubject().getURI()).filterKeep(iri -> iri.startsWith(Iris.ONTOLOGY))
                .forEachRemaining(iri -> out.add(iri.substring(Iris.ONTOLOGY.length())));
        return out;
    }

    @Test
    void aBrowserGetsThePageWithEveryTermUnderItsOwnAnchor() throws Exception {
        HttpResponse<String> r = get("/ontology", BROWSER);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("Accept", r.headers().firstValue("Vary").orElse(""));
        String html = r.body();
        List<String> names = localNames();
        assertTrue(names.size() > 170, names.size() + " terms");
        for (String name : names) {
            assertTrue(html.contains("<article class=\"term\" id=\"" + name + "\""), "no anchor for " + name);
            assertTrue(html.contains("<code class=\"term-iri\">" + Iris.ONTOLOGY + name + "</code>"), "no IRI for " + name);
        }
        // An entry: both labels, the comment, the range, and the term IRI's fragment is its anchor.
        String indictment = entry(html, "Indictment");
        assertTrue(indictment.contains("<span lang=\"en\" class=\"label-en\">indictment</span>"), indictment);
        assertTrue(indictment.contains("<span lang=\"es\" class=\"label-es\">"), indictment);
        String target = entry(html, "target");
        assertTrue(target.contains("<dt>Domain</dt>") || target.contains("<dt>Range</dt>"), target);
        assertTrue(html.contains("<a href=\"/ontology\">"), "the layout links the reference");
    }

    @Test
    void usesAreTheReleasesCountsAndTheExampleIsATripleOfAFact() throws Exception {
        String html = get("/ontology", BROWSER).body();
        // Each term with the triples that use it: its uses are the distinct triples of the fact and entity
        // graphs, as the build's VoID description counts them.
        for (String[] term : new String[][] { { "Indictment", "?s", "?s a ftkg:Indictment" },
            { "target", "?s ?o", "?s ftkg:target ?o" } }) {
            String entry = entry(html, term[0]);
            Matcher uses = Pattern.compile("data-uses=\"(\\d+)\"").matcher(entry);
            assertTrue(uses.find(), entry);
            String q = "PREFIX ftkg: <" + Iris.ONTOLOGY + "> SELECT (COUNT(*) AS ?n) { SELECT DISTINCT " + term[1]
                + " { GRAPH ?g { " + term[2] + " } FILTER(STRSTARTS(STR(?g), \"" + Iris.FACT + "\") || STRSTARTS(STR(?g), \""
                + Iris.GRAPH + "entity/\")) } }";
            HttpResponse<String> r = client.query(q);
            assertEquals(200, r.statusCode(), r.body());
            String counted = r.body().replaceAll("(?s).*\"value\" *: *\"(\\d+)\".*", "$1");
            assertEquals(counted, uses.group(1), term[0] + " uses");
            assertTrue(Long.parseLong(counted) > 0, term[0] + " is used");
            assertTrue(entry.contains("<dd class=\"example\">"), entry);
            assertTrue(Pattern.compile("\\(from <a href=\"/fact/[^\"]+\">").matcher(entry).find(), "the example links its fact: " + entry);
        }
    }

    @Test
    void machinesGetTheOntologyInEveryFormatJenaWrites() throws Exception {
        String[][] offers = {
            { null, "text/turtle", "TTL" }, { "text/turtle", "text/turtle", "TTL" },
            { "application/ld+json", "application/ld+json", "JSONLD" }, { "application/n-triples", "application/n-triples", "NT" },
            { "application/rdf+xml", "application/rdf+xml", "RDF/XML" } };
        for (String[] o : offers) {
            HttpResponse<String> r = get("/ontology", o[0]);
            assertEquals(200, r.statusCode(), String.valueOf(o[0]));
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(o[1]), r.headers().toString());
            assertTrue(parse(r.body(), o[2]).isIsomorphicWith(ONTOLOGY), "the served ontology is ontology/ftkg.ttl, as " + o[1]);
        }
        String[][] suffixes = { { ".ttl", "TTL" }, { ".jsonld", "JSONLD" }, { ".nt", "NT" }, { ".rdf", "RDF/XML" } };
        for (String[] s : suffixes) {
            HttpResponse<String> r = get("/ontology" + s[0], BROWSER);
            assertEquals(200, r.statusCode(), s[0]);
            assertTrue(parse(r.body(), s[1]).isIsomorphicWith(ONTOLOGY), s[0]);
        }
    }

    static Graph parse(String body, String lang) {
        Graph g = GraphFactory.createDefaultGraph();
        Lang l = switch (lang) {
            case "JSONLD" -> Lang.JSONLD;
            case "NT" -> Lang.NTRIPLES;
            case "RDF/XML" -> Lang.RDFXML;
            default -> Lang.TURTLE;
        };
        RDFParser.fromString(body).lang(l).base(Iris.ONTOLOGY_IRI).parse(g);
        return g;
    }

    /** One term's article on the page. */
    static String entry(String html, String name) {
        int from = html.indexOf("<article class=\"term\" id=\"" + name + "\"");
        assertTrue(from >= 0, "no entry " + name);
        return html.substring(from, html.indexOf("</article>", from));
    }

    @Test
    void labelsAndCommentsAreEscaped(@TempDir Path tmp) throws Exception {
        TestProject project = TestProject.fixture(tmp, "mini");
        Files.writeString(project.resolve(Ontology.FILE), """

            ftkg:HostileTerm a owl:Class ;
                rdfs:label "<script>alert('x')</script> & \\"q\\""@en , "<img src=x onerror=alert(1)>"@es ;
                rdfs:comment "</dd><script>alert(2)</script>"@en , "comentario"@es .
            """, StandardOpenOption.APPEND);
        try (FtkgServer server = FtkgServer.start(ServerSettings.builder(project.built().dir()).port(0).build())) {
            String html = Requests.get(server.baseUrl(), "/ontology", "Accept", BROWSER).body();
            String entry = entry(html, "HostileTerm");
            assertFalse(html.contains("<script>alert"), entry);
            assertFalse(html.contains("<img src=x"), entry);
            assertTrue(entry.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\""), entry);
            assertTrue(entry.contains("&lt;/dd&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), entry);
        }
    }
}
