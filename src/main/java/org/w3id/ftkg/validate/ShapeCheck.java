package org.w3id.ftkg.validate;

import java.nio.file.Path;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;

/** Checks built data against {@code ontology/shapes.ttl}, reporting each violation at its curation line. */
public final class ShapeCheck {
    public static final String FILE = "ontology/shapes.ttl";

    private ShapeCheck() {}

    /**
     * @param locate where the focus node was curated (so the report names a file and line), or null
     */
    public static void check(Path project, Graph data, Function<Node, Location> locate, Problems problems) {
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(project.resolve(FILE)).parse(shapesGraph);
        } catch (RiotException e) {
            problems.add(Location.ofFile(FILE), "cannot parse the shapes: " + e.getMessage());
            return;
        }
        ValidationReport report = ShaclValidator.get().validate(Shapes.parse(shapesGraph), data);
        for (ReportEntry e : report.getEntries()) {
            Location at = locate.apply(e.focusNode());
            if (at == null)
                at = Location.ofFile(FILE);
            String path = e.resultPath() == null ? "" : " " + e.resultPath();
            String value = e.value() == null ? "" : " (value: " + str(e.value()) + ")";
            problems.add(at, "shape violation on " + str(e.focusNode()) + path + ": " + e.message() + value);
        }
    }

    private static String str(Node n) {
        if (n.isURI()) {
            String u = n.getURI();
            if (u.startsWith("https://w3id.org/ftkg/"))
                return u.substring("https://w3id.org/ftkg/".length());
            return "<" + u + ">";
        }
        return n.toString();
    }
}
