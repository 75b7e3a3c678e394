package org.w3id.ftkg.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
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
    private static final Set<Node> DATE_PROPERTIES = Set.of(
        Iris.term("date"), Iris.term("startDate"), Iris.term("endDate"));

    /** The first and last day a date may stand for ("2013": 2013-01-01 to 2013-12-31) and its datatype. */
    record Period(LocalDate first, LocalDate last, XSDDatatype type) {}

    private Dates() {}

    /** The period of a real date (no year 0, no 31 April), or empty. */
    static Optional<Period> period(String value) {
        var m = value == null ? null : SHAPE.matcher(value);
        if (m == null || !m.matches() || m.group(1).equals("0000"))
            return Optional.empty();
        try {
            if (m.group(3) != null) {
                LocalDate d = LocalDate.parse(value);
                return Optional.of(new Period(d, d, XSDDatatype.XSDdate));
            }
            if (m.group(2) != null) {
                YearMonth ym = YearMonth.parse(value);
                return Optional.of(new Period(ym.atDay(1), ym.atEndOfMonth(), XSDDatatype.XSDgYearMonth));
            }
            Year y = Year.of(Integer.parseInt(m.group(1)));
            return Optional.of(new Period(y.atDay(1), y.atMonth(12).atEndOfMonth(), XSDDatatype.XSDgYear));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** One ftkg:sortDate per dated subject (the first day of its earliest date): dates of mixed precision sort. */
    public static List<Triple> sortDates(List<Triple> triples) {
        Map<Node, LocalDate> first = new LinkedHashMap<>();
        for (var t : triples)
            if (DATE_PROPERTIES.contains(t.getPredicate()) && t.getObject().isLiteral())
                period(t.getObject().getLiteralLexicalForm())
                    .ifPresent(d -> first.merge(t.getSubject(), d.first(), (a, b) -> a.isBefore(b) ? a : b));
        List<Triple> out = new ArrayList<>();
        first.forEach((s, d) -> out.add(Triple.create(s, Iris.term("sortDate"),
            NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate))));
        return out;
    }

    /** The typed literal for {@code value}, or empty with a problem if it is not a real date. */
    public static Optional<Node> literal(String value, Location at, Problems problems) {
        var m = SHAPE.matcher(value);
        Optional<Period> p = period(value);
        if (p.isEmpty())
            problems.add(at, "'" + value + "' " + (!m.matches()
                ? "is not a date: write YYYY-MM-DD, YYYY-MM or YYYY, at the precision of the text"
                : m.group(1).equals("0000")
                    ? "is an impossible date: there is no year 0 (the calendar goes from 1 BC to AD 1)"
                    : "is an impossible date"));
        return p.map(d -> NodeFactory.createLiteralDT(value, d.type()));
    }
}
