package org.w3id.ftkg.shapes;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.files.InputFile;

/** Checks built data against {@code ontology/shapes.ttl}, reporting each violation at its curation line. */
public final class ShapeCheck {
    public static final String FILE = "ontology/shapes.ttl";

    private ShapeCheck() {}

    /** {@code locate} gives where a focus node was curated (or null), so that a report names a file and line. */
    public static void check(Path project, Graph data, Function<Node, Location> locate, Problems problems) {
        shapes(project, problems).ifPresent(shapes -> check(shapes, data, locate, focus -> true, problems));
    }

    /** The parsed shapes of a project, or empty (with a problem) if they cannot be parsed. */
    public static Optional<Shapes> shapes(Path project, Problems problems) {
        return InputFile.rdf(project, FILE, "the shapes", problems).map(Shapes::parse);
    }

    /** Checks part of the data: only violations on focus nodes that {@code reportFocus} accepts (held whole). */
    public static void check(Shapes shapes, Graph data, Function<Node, Location> locate, Predicate<Node> reportFocus,
                             Problems problems) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        for (ReportEntry e : report.getEntries()) {
            if (!reportFocus.test(e.focusNode()))
                continue;
            Location at = Objects.requireNonNullElse(locate.apply(e.focusNode()), Location.ofFile(FILE));
            String path = e.resultPath() == null ? "" : " " + e.resultPath();
            String value = e.value() == null ? "" : " (value: " + str(e.value()) + ")";
            problems.add(at, "shape violation on " + str(e.focusNode()) + path + ": " + e.message() + value);
        }
    }

    private static String str(Node n) {
        String base = "https://w3id.org/ftkg/";
        return !n.isURI() ? n.toString()
            : n.getURI().startsWith(base) ? n.getURI().substring(base.length()) : "<" + n.getURI() + ">";
    }
}
