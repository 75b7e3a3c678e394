package org.w3id.ftkg.model;

import static org.w3id.ftkg.model.Iris.term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.w3id.ftkg.curation.DateSpec;
import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.Located;
import org.w3id.ftkg.curation.NodeSpec;
import org.w3id.ftkg.curation.PropertyValues;
import org.w3id.ftkg.curation.QuantitySpec;
import org.w3id.ftkg.curation.StatementSpec;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.source.QuoteMatch;

/** Turns curated records into triples, checking names against the ontology and references against the slug index. */
public final class FactModeller {
    public static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

    static final Map<String, Node> UNITS = Map.of("kilogram", unit("KiloGM"), "pound", unit("LB"),
        "tonne", unit("TONNE"), "ton", term("UnspecifiedTon"), "count", unit("NUM"), "percent", unit("PERCENT"),
        "year", unit("YR"), "month", unit("MO"));
    static final Map<String, Node> QUALIFIERS = Map.of("exactly", term("Exactly"), "approximately", term("Approximately"),
        "about", term("Approximately"), "nearly", term("Nearly"), "more-than", term("MoreThan"),
        "less-than", term("LessThan"), "at-least", term("AtLeast"), "up-to", term("UpTo"));
    static final Map<String, Node> STATUSES = Map.of("alleged", term("Alleged"), "claimed", term("Claimed"));
    static final Map<String, Node> CHARGE_STATUSES = Map.of("charged", term("Charged"), "convicted", term("Convicted"));
    private static final Set<String> LANGS = Set.of("en", "es");
    private static final Node AUTHOR = term("author"), DEMAND = term("Demand");
    /** Plain decimal notation only: an exponent ("1e999999999") would expand to a string of a billion digits. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d{1,40}(\\.\\d{1,40})?");

    private final Ontology ontology;
    private final ThingIndex things;
    private final Problems problems;
    private final Map<String, Location> qids = new HashMap<>();

    public FactModeller(Ontology ontology, ThingIndex things, Problems problems) {
        this.ontology = ontology;
        this.things = things;
        this.problems = problems;
    }

    /** The curation graph of one entity record. */
    public Optional<CuratedEntity> entity(EntityRecord e) {
        if (e.slug() == null || e.label() == null || e.type() == null)
            return Optional.empty();
        Node s = Iris.entity(e.slug());
        List<Triple> out = new ArrayList<>();
        ontology.classNamed(e.type()).ifPresent(c -> out.add(Triple.create(s, Vocab.TYPE, c.iri())));
        out.add(Triple.create(s, Vocab.LABEL, en(e.label())));
        if (e.labelEs() != null)
            out.add(Triple.create(s, Vocab.LABEL, NodeFactory.createLiteralLang(e.labelEs(), "es")));
        for (String alias : new LinkedHashSet<>(e.aliases()))
            if (!alias.equals(e.label()))
                out.add(Triple.create(s, Vocab.ALT_LABEL, NodeFactory.createLiteralString(alias)));
        if (e.description() != null)
            out.add(Triple.create(s, Vocab.COMMENT, en(e.description())));
        if (e.wikidata() == null)
            out.add(Triple.create(s, Vocab.LINK_STATUS, Vocab.NO_VERIFIED_MATCH));
        else if (!QID.matcher(e.wikidata()).matches())
            problems.add(e.at(), "'" + e.wikidata() + "' is not a Wikidata QID (Q followed by digits, no leading zero)");
        else {
            Location prior = qids.putIfAbsent(e.wikidata(), e.at());
            if (prior != null)
                problems.add(e.at(), "Wikidata " + e.wikidata() + " is already linked to another entity at " + prior);
            out.add(Triple.create(s, Vocab.SAME_AS, Iris.wikidata(e.wikidata())));
            out.add(Triple.create(s, Vocab.LINK_STATUS, term("Linked")));
        }
        if (e.wikidataNote() != null)
            out.add(Triple.create(s, Vocab.WIKIDATA_NOTE, en(e.wikidataNote())));
        return Optional.of(new CuratedEntity(e, Iris.entityGraph(e.slug()), out));
    }

    /** The fact graph of one fact, whose quote has already been located. */
    public Fact fact(FactRecord f, QuoteMatch quote) {
        List<Triple> out = new ArrayList<>();
        int[] counters = new int[2]; // quantities, propositions: numbered within the fact
        for (StatementSpec st : f.statements())
            statement(st).ifPresent(out::add);
        authorLists(f.id(), out);
        for (NodeSpec n : f.nodes())
            node(f, n, counters, out);
        for (var m : f.misspellings())
            if (m.text() != null && f.quote() != null && !f.quote().contains(m.text()))
                problems.add(m.at(), "fact " + f.id() + ": misspelled text «" + m.text() + "» is not inside the quote");
        out.addAll(Dates.sortDates(out));
        List<Triple> triples = SelfContainedFacts.typed(List.copyOf(new LinkedHashSet<>(out)), things::typeOf);
        Fact fact = new Fact(f, Iris.fact(f.id()), triples, quote);
        SelfContainedFacts.check(fact, problems);
        demandsAssertNothing(fact);
        return fact;
    }

    /** True if the thing {@code n} names is known to be a {@code cls}. */
    private boolean isA(Node n, Node cls) {
        return things.typeOf(n).filter(t -> ontology.isSubClassOf(t, cls)).isPresent();
    }

    /** A demand about an event never asserts it: its fact must not describe the event too (unless alleged or claimed). */
    private void demandsAssertNothing(Fact fact) {
        Set<Node> demanded = new HashSet<>();
        for (Triple t : fact.triples())
            if (t.getPredicate().equals(Vocab.ABOUT) && isA(t.getSubject(), DEMAND) && isA(t.getObject(), Vocab.EVENT))
                demanded.add(t.getObject());
        for (Node e : demanded) {
            boolean described = false, qualified = false;
            for (Triple t : fact.triples())
                if (t.getSubject().equals(e)) {
                    if (t.getPredicate().equals(Vocab.STATUS))
                        qualified = true;
                    else if (!t.getPredicate().equals(Vocab.TYPE) && !t.getPredicate().equals(Vocab.SORT_DATE))
                        described = true;
                }
            if (described && !qualified)
                problems.add(fact.record().at(), "fact " + fact.id() + ": a demand is about <" + e.getURI()
                    + ">, which the same fact describes as an event: a demand never asserts what it asks for "
                    + "(put the demanded thing in the demand's 'content')");
        }
    }

    private Optional<Triple> statement(StatementSpec st) {
        if (st.s() == null || st.p() == null)
            return Optional.empty();
        Optional<Node> s = things.resolve(st.s(), st.at(), problems);
        Optional<Ontology.Term> p = property(st.p(), st.at());
        if (s.isEmpty() || p.isEmpty())
            return Optional.empty();
        checkClass(s.get(), p.get().domain(), "applies to", p.get(), st.at());
        Optional<Node> o = st.o() != null ? object(p.get(), st.o(), st.at())
            : st.v() != null ? literal(p.get(), st.v(), st.lang(), st.at()) : Optional.empty();
        return o.map(obj -> Triple.create(s.get(), p.get().iri(), obj));
    }

    private void node(FactRecord f, NodeSpec n, int[] counters, List<Triple> out) {
        Optional<Thing> thing = things.get(n.id() != null ? n.id() : f.id());
        if (thing.isEmpty())
            return; // reported by the index
        Node s = thing.get().iri();
        Node type = thing.get().type();
        if (n.type() != null && type != null)
            out.add(Triple.create(s, Vocab.TYPE, type));
        if (n.label() != null)
            out.add(Triple.create(s, Vocab.LABEL, en(n.label())));
        if (n.description() != null)
            out.add(Triple.create(s, Vocab.DESCRIPTION, en(n.description())));
        n.dates().forEach((key, d) -> date(s, term(key.equals("date") ? "date" : key + "Date"), d, out));
        DateSpec start = n.dates().get("start"), end = n.dates().get("end");
        if (start != null && end != null) {
            var from = Dates.period(start.value());
            var to = Dates.period(end.value());
            if (from.isPresent() && to.isPresent() && from.get().first().isAfter(to.get().last()))
                problems.add(end.at(), "'end: " + end.value() + "' is before 'start: " + start.value() + "'");
        }
        if (n.status() != null) {
            boolean charge = type != null && type.equals(term("Charge"));
            Node st = (charge ? CHARGE_STATUSES : STATUSES).get(n.status());
            if (st == null)
                problems.add(n.at(), "unknown status '" + n.status() + "'"
                    + (charge ? " for charges (expected charged or convicted)" : " (expected alleged or claimed)"));
            else if (!charge && (type == null || !ontology.isSubClassOf(type, Vocab.EVENT)))
                problems.add(n.at(), "'status' applies to events (alleged, claimed) and charges (charged, convicted) only");
            else
                out.add(Triple.create(s, charge ? term("chargeStatus") : Vocab.STATUS, st));
        }
        for (QuantitySpec q : n.quantities())
            quantity(f.id(), ++counters[0], s, q, out);
        if (!n.content().isEmpty() && (type == null || !ontology.isSubClassOf(type, Vocab.ASSERTION)))
            problems.add(n.at(), "'content' is for assertions (Claim, Allegation, Denial, Opinion, Demand) only");
        for (StatementSpec c : n.content()) {
            // The claimed proposition is reified, never asserted: the graph reports it, it does not state it.
            statement(c).ifPresent(t -> {
                Node prop = Iris.factPart(f.id(), "p" + (++counters[1]));
                out.add(Triple.create(s, Vocab.CONTENT, prop));
                out.add(Triple.create(prop, Vocab.TYPE, Vocab.PROPOSITION));
                out.add(Triple.create(prop, Vocab.TYPE, Vocab.RDF_STATEMENT));
                out.add(Triple.create(prop, Vocab.RDF_SUBJECT, t.getSubject()));
                out.add(Triple.create(prop, Vocab.RDF_PREDICATE, t.getPredicate()));
                out.add(Triple.create(prop, Vocab.RDF_OBJECT, t.getObject()));
            });
        }
        for (PropertyValues pv : n.properties()) {
            Optional<Ontology.Term> p = property(pv.property(), pv.at());
            if (p.isEmpty())
                continue;
            checkClass(s, p.get().domain(), "applies to", p.get(), pv.at());
            for (Located<String> v : pv.values())
                (p.get().kind() == Ontology.Kind.OBJECT_PROPERTY ? object(p.get(), v.value(), v.at())
                    : literal(p.get(), v.value(), null, v.at()))
                    .ifPresent(o -> out.add(Triple.create(s, p.get().iri(), o)));
        }
    }

    /** ftkg:author has no order; the byline's order is kept beside it as an rdf:Seq named within the fact. */
    private static void authorLists(String factId, List<Triple> out) {
        Map<Node, List<Node>> authors = new LinkedHashMap<>();
        for (Triple t : out)
            if (t.getPredicate().equals(AUTHOR))
                authors.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t.getObject());
        int n = 0;
        for (var e : authors.entrySet()) {
            Node seq = Iris.factPart(factId, ++n == 1 ? "authors" : "authors-" + n);
            out.add(Triple.create(e.getKey(), term("authorList"), seq));
            out.add(Triple.create(seq, Vocab.TYPE, RDF.Seq.asNode()));
            List<Node> byline = e.getValue().stream().distinct().toList();
            for (int i = 0; i < byline.size(); i++)
                out.add(Triple.create(seq, RDF.li(i + 1).asNode(), byline.get(i)));
        }
    }

    private void date(Node s, Node p, DateSpec d, List<Triple> out) {
        if (d.value() != null)
            Dates.literal(d.value(), d.at(), problems).ifPresent(lit -> out.add(Triple.create(s, p, lit)));
        if (d.text() != null)
            out.add(Triple.create(s, Vocab.DATE_TEXT, NodeFactory.createLiteralString(d.text())));
        if (d.inferred()) {
            if (d.value() == null)
                problems.add(d.at(), "'inferred: true' needs the inferred 'value'");
            out.add(Triple.create(s, Vocab.DATE_INFERRED, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean)));
        }
    }

    private void quantity(String factId, int n, Node owner, QuantitySpec q, List<Triple> out) {
        Node qn = Iris.factPart(factId, "q" + n);
        out.add(Triple.create(owner, Vocab.QUANTITY_PROP, qn));
        out.add(Triple.create(qn, Vocab.TYPE, Vocab.QUANTITY));
        if (q.value() == null && q.min() == null && q.max() == null)
            problems.add(q.at(), "a quantity needs 'value', or 'min' and/or 'max'");
        if (q.value() != null && (q.min() != null || q.max() != null))
            problems.add(q.at(), "a quantity has either 'value' or a range 'min'/'max', not both (value: " + q.value()
                + (q.min() != null ? ", min: " + q.min() : "") + (q.max() != null ? ", max: " + q.max() : "") + ")");
        StringBuilder label = new StringBuilder();
        named(QUALIFIERS, q.qualifier(), "qualifier", q.at()).ifPresent(v -> {
            out.add(Triple.create(qn, term("qualifier"), v));
            label.append(q.qualifier().replace('-', ' ')).append(' ');
        });
        number(q.value(), q.at()).ifPresent(v -> {
            out.add(Triple.create(qn, term("value"), v));
            label.append(q.value()); // as curated ("10000"), not the canonical "10000.0" of the value
        });
        Optional<Node> min = number(q.min(), q.at()), max = number(q.max(), q.at());
        if (min.isPresent() && max.isPresent() && new BigDecimal(min.get().getLiteralLexicalForm())
                .compareTo(new BigDecimal(max.get().getLiteralLexicalForm())) > 0)
            problems.add(q.at(), "'min: " + q.min() + "' is greater than 'max: " + q.max() + "'");
        min.ifPresent(v -> out.add(Triple.create(qn, term("minValue"), v)));
        max.ifPresent(v -> out.add(Triple.create(qn, term("maxValue"), v)));
        if (min.isPresent() || max.isPresent())
            label.append(min.isPresent() ? q.min() : "").append('–').append(max.isPresent() ? q.max() : "");
        named(UNITS, q.unit(), "unit", q.at()).ifPresent(u -> {
            out.add(Triple.create(qn, term("unit"), u));
            // What it measures as a term (mass, count, duration, proportion): the kind the ontology gives its unit.
            ontology.graph().find(u, Vocab.QUANTITY_KIND, Node.ANY)
                .forEach(k -> out.add(Triple.create(qn, Vocab.QUANTITY_KIND, k.getObject())));
            label.append(unitWord(q.unit(), q.value()));
        });
        if (q.per() != null && !q.per().equals("year") && !q.per().equals("month"))
            problems.add(q.at(), "'per' must be year or month");
        else if (q.per() != null) {
            out.add(Triple.create(qn, term("per"), UNITS.get(q.per())));
            label.append(" per ").append(q.per());
        }
        if (q.of() != null)
            things.resolve(q.of(), q.at(), problems).ifPresent(o -> {
                out.add(Triple.create(qn, term("quantityOf"), o));
                // "15 pounds of heroin"; a count says what it counts in words instead ("120000 (fentanyl pills)").
                if ((!"count".equals(q.unit()) || q.counted() == null) && things.get(q.of()).isPresent())
                    label.append(" of ").append(q.of().replace('-', ' '));
            });
        if (q.counted() != null) {
            out.add(Triple.create(qn, term("counted"), en(q.counted())));
            label.append(" (").append(q.counted()).append(')');
        }
        out.add(Triple.create(qn, Vocab.LABEL, en(label.toString().trim())));
    }

    /** The term a curated word names in {@code terms}, or empty (with a problem if the word is unknown). */
    private Optional<Node> named(Map<String, Node> terms, String word, String what, Location at) {
        if (word != null && !terms.containsKey(word))
            problems.add(at, "unknown " + what + " '" + word + "' (expected one of "
                + String.join(", ", terms.keySet().stream().sorted().toList()) + ")");
        return Optional.ofNullable(word).map(terms::get);
    }

    /** The unit as a reader says it after the number: "3300 pounds", "80%", "5" (a count needs no word). */
    private static String unitWord(String unit, String value) {
        return switch (unit) {
            case "count" -> "";
            case "percent" -> "%";
            default -> " " + ("1".equals(value) ? unit : unit + "s");
        };
    }

    /** A quantity's number: plain decimal, never negative (a fall or a loss is said in words, in 'counted'). */
    private Optional<Node> number(String v, Location at) {
        if (v == null)
            return Optional.empty();
        if (!PLAIN_NUMBER.matcher(v).matches()) {
            problems.add(at, "'" + (v.length() > 60 ? v.substring(0, 57) + "..." : v)
                + "' is not a number (write 1500, not 1,500 or 1.5e3; no units in the number)");
            return Optional.empty();
        }
        BigDecimal d = new BigDecimal(v);
        if (d.signum() < 0) {
            problems.add(at, "'" + v + "' is negative: a quantity is a size (a count, mass, duration, share or rate); "
                + "say a fall or loss in words");
            return Optional.empty();
        }
        Node literal = NodeFactory.createLiteralDT(d.toPlainString(), XSDDatatype.XSDdecimal);
        return Optional.of(CanonicalizeLiteral.get().apply(literal));
    }

    private Optional<Ontology.Term> property(String name, Location at) {
        Optional<Ontology.Term> t = ontology.property(name);
        if (t.isEmpty())
            problems.add(at, ontology.classNamed(name).isPresent()
                ? "'" + name + "' is a class, not a property"
                : "unknown property '" + name + "' (not in " + Ontology.FILE + ")");
        return t;
    }

    private Optional<Node> object(Ontology.Term p, String ref, Location at) {
        if (p.kind() != Ontology.Kind.OBJECT_PROPERTY) {
            problems.add(at, "'" + p.localName() + "' takes a value (use 'v'), not a reference");
            return Optional.empty();
        }
        Optional<Node> o = things.resolve(ref, at, problems);
        o.ifPresent(node -> checkClass(node, p.range(), "expects", p, at));
        return o;
    }

    private Optional<Node> literal(Ontology.Term p, String value, String lang, Location at) {
        if (p.kind() != Ontology.Kind.DATATYPE_PROPERTY) {
            problems.add(at, "'" + p.localName() + "' links to a thing (use 'o' with a slug), not a value");
            return Optional.empty();
        }
        String range = p.range() == null ? RDFS.Literal.getURI() : p.range().getURI();
        if (range.equals(RDFS.Literal.getURI()))
            return Dates.literal(value, at, problems); // date properties are the only untyped ranges
        if (range.equals(RDF.langString.getURI())) {
            String l = lang == null ? "en" : lang;
            if (!LANGS.contains(l))
                problems.add(at, "language '" + l + "' is not one of " + LANGS);
            return Optional.of(NodeFactory.createLiteralLang(value, l));
        }
        String name = range.startsWith(Vocab.XSD) ? "xsd:" + range.substring(Vocab.XSD.length()) : range;
        if (lang != null)
            problems.add(at, "'" + p.localName() + "' takes a " + name + ", which has no language");
        RDFDatatype dt = TypeMapper.getInstance().getSafeTypeByName(range);
        if (!dt.isValid(value)) {
            problems.add(at, "'" + value + "' is not a valid " + name + " for '" + p.localName() + "'");
            return Optional.empty();
        }
        // The canonical lexical form ("1500.0"), as TDB2 gives numbers back, so that a fact's hash holds there too.
        return Optional.of(CanonicalizeLiteral.get().apply(NodeFactory.createLiteralDT(value, dt)));
    }

    /** Checks that {@code n} is of the FTKG class a property's domain or range asks for ({@code verb} says which). */
    private void checkClass(Node n, Node expected, String verb, Ontology.Term p, Location at) {
        if (expected == null || !expected.isURI() || !expected.getURI().startsWith(Iris.ONTOLOGY))
            return;
        things.typeOf(n).filter(t -> !ontology.isSubClassOf(t, expected)).ifPresent(t -> problems.add(at, "'"
            + p.localName() + "' " + verb + " " + article(expected.getLocalName()) + ", but " + local(n) + " is "
            + article(t.getLocalName())));
    }

    private static String article(String className) {
        return ("AEIOU".indexOf(className.charAt(0)) >= 0 ? "an " : "a ") + className;
    }

    private static String local(Node n) {
        String u = n.getURI();
        return u.startsWith(Iris.ID) ? u.substring(Iris.ID.length()) : u;
    }

    private static Node unit(String qudt) {
        return Iris.uri(Vocab.UNIT + qudt);
    }

    private static Node en(String text) {
        return NodeFactory.createLiteralLang(text, "en");
    }
}
