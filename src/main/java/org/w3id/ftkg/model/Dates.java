package org.w3id.ftkg.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

/** Dates at the precision the text gives: xsd:date, xsd:gYearMonth or xsd:gYear, and nothing finer. */
public final class Dates {
    private static final Pattern SHAPE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private Dates() {}

    /**
     * The first day of the period a valid date names ("2023" is 2023-01-01, "2023-05" 2023-05-01), or
     * empty: the key on which dates of mixed precision compare and sort (ftkg:sortDate).
     */
    public static Optional<LocalDate> periodStart(String value) {
        var m = SHAPE.matcher(value);
        if (!m.matches())
            return Optional.empty();
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)),
                m.group(2) == null ? 1 : Integer.parseInt(m.group(2)), m.group(3) == null ? 1 : Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static final Set<Node> DATE_PROPERTIES = Set.of(
        Iris.term("date"), Iris.term("startDate"), Iris.term("endDate"));

    /**
     * One ftkg:sortDate per dated subject of {@code triples}: the first day of the earliest of its
     * dates, so that one property finds every dated thing and orders dates of mixed precision.
     */
    public static List<Triple> sortDates(List<Triple> triples) {
        Map<Node, LocalDate> first = new LinkedHashMap<>();
        for (var t : triples)
            if (DATE_PROPERTIES.contains(t.getPredicate()) && t.getObject().isLiteral())
                periodStart(t.getObject().getLiteralLexicalForm())
                    .ifPresent(d -> first.merge(t.getSubject(), d, (a, b) -> a.isBefore(b) ? a : b));
        List<Triple> out = new ArrayList<>();
        first.forEach((s, d) -> out.add(Triple.create(s, Iris.term("sortDate"),
            NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate))));
        return out;
    }

    /** The typed literal for {@code value}, or empty with a problem if it is not a real date. */
    public static Optional<Node> literal(String value, Location at, Problems problems) {
        var m = SHAPE.matcher(value);
        if (!m.matches()) {
            problems.add(at, "'" + value + "' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, at the precision of the text");
            return Optional.empty();
        }
        if (m.group(1).equals("0000")) {
            problems.add(at, "'" + value + "' is an impossible date: there is no year 0 (the calendar goes from 1 BC to AD 1)");
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

    /**
     * The first and last day a valid date may stand for ("2013" spans 2013-01-01 to 2013-12-31),
     * or empty if it is not a valid date; used to check that a start is not after its end.
     */
    public static Optional<LocalDate[]> span(String value) {
        if (value == null)
            return Optional.empty();
        var m = SHAPE.matcher(value);
        if (!m.matches() || m.group(1).equals("0000"))
            return Optional.empty();
        try {
            if (m.group(3) != null) {
                LocalDate d = LocalDate.parse(value);
                return Optional.of(new LocalDate[] { d, d });
            }
            if (m.group(2) != null) {
                YearMonth ym = YearMonth.parse(value);
                return Optional.of(new LocalDate[] { ym.atDay(1), ym.atEndOfMonth() });
            }
            int y = Integer.parseInt(m.group(1));
            return Optional.of(new LocalDate[] { LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31) });
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
