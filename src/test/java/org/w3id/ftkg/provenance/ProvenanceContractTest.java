package org.w3id.ftkg.provenance;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.pipeline.Build;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.model.Iris;

/**
 * The provenance contract of DESIGN.md, checked for every triple of the published data: one
 * query returns its source file, quote and offsets, over the TriG and over the flat Turtle alone,
 * and the quote is exactly the source text at those offsets.
 */
class ProvenanceContractTest {
    @TempDir
    static Path tmp;

    static Path dist;
    static TestProject project;
    static DatasetGraph data;

    @BeforeAll
    static void build() throws Exception {
        project = TestProject.fixture(tmp, "mini");
        data = project.dataset();
        dist = tmp.resolve("dist");
        Build.of(project.dir()).intoDist(dist);
    }

    static Query withTriple(String file, Triple t) throws Exception {
        Query q = QueryFactory.create(Files.readString(TestProject.ROOT.resolve("queries").resolve(file)));
        Binding b = BindingFactory.binding(Var.alloc("s"), t.getSubject(), Var.alloc("p"), t.getPredicate(),
            Var.alloc("o"), t.getObject());
        q.setValuesDataBlock(List.of(Var.alloc("s"), Var.alloc("p"), Var.alloc("o")), List.of(b));
        return q;
    }

    static List<QuerySolution> run(Query q, Dataset ds) {
        List<QuerySolution> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.create(q, ds)) {
            qe.execSelect().forEachRemaining(out::add);
        }
        return out;
    }

    /** Every (fact graph, triple) pair of the build. */
    static List<Node[]> factTriples() {
        List<Node[]> out = new ArrayList<>();
        data.find().forEachRemaining(q -> {
            if (Iris.isFactGraph(q.getGraph()))
                out.add(new Node[] { q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject() });
        });
        return out;
    }

    private void assertProvenance(Dataset ds, String queryFile) throws Exception {
        List<Node[]> quads = factTriples();
        assertFalse(quads.isEmpty());
        for (Node[] q : quads) {
            Triple t = Triple.create(q[1], q[2], q[3]);
            List<QuerySolution> rows = run(withTriple(queryFile, t), ds);
            Set<String> facts = new HashSet<>();
            for (QuerySolution r : rows) {
                facts.add(r.getResource("fact").getURI());
                if (!r.contains("quote")) {
                    // An entity's type is also stated by its record, whose graph has a file and line, no quote.
                    assertTrue(r.getLiteral("curationFile").getString().startsWith("data/entities/"), r.toString());
                    continue;
                }
                String file = r.getLiteral("file").getString();
                String text = Files.readString(project.resolve("seeds/" + file), StandardCharsets.UTF_8);
                int start = r.getLiteral("start").getInt(), end = r.getLiteral("end").getInt();
                String atOffsets = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
                assertEquals(r.getLiteral("quote").getString(), atOffsets, "quote at offsets, " + t);
                assertTrue(r.getLiteral("curationFile").getString().startsWith("data/facts/"));
            }
            assertTrue(facts.contains(q[0].getURI()), queryFile + " finds " + q[0] + " for " + t);
        }
    }

    @Test
    void everyTripleLeadsToItsQuoteOverTheTrig() throws Exception {
        Dataset ds = RDFDataMgr.loadDataset(dist.resolve("ftkg.trig").toString());
        assertProvenance(ds, "provenance-of-triple.rq");
    }

    @Test
    void everyTripleLeadsToItsQuoteOverTheFlatTurtleAlone() throws Exception {
        Model flat = RDFDataMgr.loadModel(dist.resolve("ftkg.ttl").toString());
        assertProvenance(DatasetFactory.wrap(flat), "provenance-of-triple-flat.rq");
    }

    @Test
    void everyTripleOfASourceIsFoundFromTheSource() throws Exception {
        Dataset ds = RDFDataMgr.loadDataset(dist.resolve("ftkg.trig").toString());
        Query q = QueryFactory.create(Files.readString(TestProject.ROOT.resolve("queries/triples-from-source.rq")));
        q.setValuesDataBlock(List.of(Var.alloc("file")), List.of(BindingFactory.binding(Var.alloc("file"),
            org.apache.jena.graph.NodeFactory.createLiteralString("004_40da1574111b49b3.txt"))));
        Set<String> found = new HashSet<>();
        run(q, ds).forEach(r -> found.add(r.get("s") + " " + r.get("p") + " " + r.get("o")));
        for (Node[] t : factTriples())
            assertTrue(found.contains(t[1] + " " + t[2] + " " + t[3]) || !t[0].getURI().contains("004"),
                "triple of source 004 found from the source: " + t[1] + " " + t[2] + " " + t[3]);
        Model flat = RDFDataMgr.loadModel(dist.resolve("ftkg.ttl").toString());
        Query qf = QueryFactory.create(Files.readString(TestProject.ROOT.resolve("queries/triples-from-source-flat.rq")));
        qf.setValuesDataBlock(q.getValuesVariables(), q.getValuesData());
        assertEquals(found.size(), run(qf, DatasetFactory.wrap(flat)).stream()
            .map(r -> r.get("s") + " " + r.get("p") + " " + r.get("o")).distinct().count());
    }

    @Test
    void entityLabelsLeadToTheirCurationFile() {
        String q = """
            PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX ftkg: <https://w3id.org/ftkg/ontology#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?file ?line WHERE {
              GRAPH ?g { <https://w3id.org/ftkg/id/mexico> <http://www.w3.org/2000/01/rdf-schema#label> "Mexico"@en }
              GRAPH <https://w3id.org/ftkg/graph/provenance> {
                ?g prov:wasDerivedFrom/dcterms:identifier ?file ; ftkg:curationLine ?line } }""";
        List<QuerySolution> rows = run(QueryFactory.create(q), DatasetFactory.wrap(data));
        assertEquals(1, rows.size());
        assertEquals("data/entities/mini.yaml", rows.get(0).getLiteral("file").getString());
        assertEquals(2, rows.get(0).getLiteral("line").getInt());
    }
}
