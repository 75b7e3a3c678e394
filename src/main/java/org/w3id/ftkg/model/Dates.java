package org.w3id.ftkg.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

/** Dates at the precision the text gives: xsd:date, xsd:gYearMonth or xsd:gYear, and nothing finer. */
public final class Dates {
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private Dates() {}

    /** The typed literal for {@code value}, or empty with a problem if it is not a real date. */
    public static Optional<Node> literal(String value, Location at, Problems problems) {
        var m = SHAPE.matcher(value);
        if (!m.matches()) {
            problems.add(at, "'" + value + "' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, at the precision of the text");
            return Optional.empty();
        }
        try {
            if (m.group(3) != null) {
                LocalDate.parse(value);
                return Optional.of(NodeFactory.createLiteralDT(value, XSDDatatype.XSDdate));
            }
            if (m.group(2) != null) {
                YearMonth.parse(value);
                return Optional.of(NodeFactory.createLiteralDT(value, XSDDatatype.XSDgYearMonth));
            }
            return Optional.of(NodeFactory.createLiteralDT(value, XSDDatatype.XSDgYear));
        } catch (DateTimeException e) {
            problems.add(at, "'" + value + "' is an impossible date");
            return Optional.empty();
        }
    }
}
