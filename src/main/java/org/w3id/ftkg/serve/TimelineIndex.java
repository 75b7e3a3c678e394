package org.w3id.ftkg.serve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * The timeline's order: every event's IRI by date (its ftkg:sortDate, which the build derives from
 * dates of any precision, then the IRI; events with only date words last), as two arrays of strings and nothing else. Built once per served
 * data release, on the first visit, from the date properties' index (not a scan of the graph);
 * a page is then a walk along it that stops when the page is full.
 */
final class TimelineIndex {
    private static final String WORDS_ONLY = "~"; // sorts after every ISO date
    private static final List<Node> ROLES = List.of(Iris.term("agent"), Iris.term("target"), Iris.term("participant"),
        Iris.term("place"));

    private final String[] events;
    private final Map<String, Integer> position;

    private TimelineIndex(String[] events) {
        this.events = events;
        this.position = new HashMap<>(events.length * 2);
        for (int i = 0; i < events.length; i++)
            position.put(events[i], i);
    }

    /** Reads the dated events of the union graph by lookups on ftkg:sortDate and ftkg:dateText. */
    static TimelineIndex of(DatasetGraph dsg) {
        return dsg.calculateRead(() -> {
            Graph union = dsg.getDefaultGraph();
            Map<String, String> key = new HashMap<>();
            Map<Node, Boolean> eventClass = new HashMap<>();
            union.find(Node.ANY, Vocab.SORT_DATE, Node.ANY).forEachRemaining(t -> {
                if (t.getObject().isLiteral() && isEvent(union, t.getSubject(), eventClass))
                    key.merge(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            });
            union.find(Node.ANY, Vocab.DATE_TEXT, Node.ANY).forEachRemaining(t -> {
                if (!key.containsKey(t.getSubject().getURI()) && isEvent(union, t.getSubject(), eventClass))
                    key.put(t.getSubject().getURI(), WORDS_ONLY);
            });
            String[] sorted = key.keySet().toArray(String[]::new);
            Arrays.sort(sorted, Comparator.comparing((String e) -> key.get(e)).thenComparing(Comparator.naturalOrder()));
            return new TimelineIndex(sorted);
        });
    }

    int size() {
        return events.length;
    }

    /**
     * The events that pass the filter, from the {@code offset}-th such event, at most {@code size} + 1
     * (the extra one says a next page exists). With an actor or a source, the candidates are that
     * actor's or source's events (by lookups), put in timeline order; otherwise the walk goes along
     * the whole order and stops when the page is full.
     */
    List<String> page(DatasetGraph dsg, ViewQueries.TimelineFilter f, int offset, int size) {
        return dsg.calculateRead(() -> {
            Graph union = dsg.getDefaultGraph();
            Predicate<String> ofType = ViewQueries.none(f.type()) ? e -> true : e -> hasType(union, e, Iris.uri(f.type()));
            List<String> candidates = null;
            if (!ViewQueries.none(f.actor()))
                candidates = eventsOfActor(union, Iris.uri(f.actor()));
            if (!ViewQueries.none(f.source())) {
                Set<String> fromSource = eventsOfSource(dsg, f.source());
                candidates = candidates == null ? new ArrayList<>(fromSource) : candidates.stream().filter(fromSource::contains).toList();
            }
            List<String> out = new ArrayList<>();
            int skipped = 0;
            Iterable<String> order = candidates == null ? Arrays.asList(events) : inOrder(candidates);
            for (String e : order) {
                if (!ofType.test(e))
                    continue;
                if (skipped++ < offset)
                    continue;
                out.add(e);
                if (out.size() > size)
                    break;
            }
            return out;
        });
    }

    private List<String> inOrder(List<String> candidates) {
        return candidates.stream().filter(position::containsKey).distinct()
            .sorted(Comparator.comparingInt(position::get)).toList();
    }

    private static List<String> eventsOfActor(Graph union, Node actor) {
        List<String> out = new ArrayList<>();
        for (Node role : ROLES)
            union.find(Node.ANY, role, actor).forEachRemaining(t -> {
                if (t.getSubject().isURI())
                    out.add(t.getSubject().getURI());
            });
        return out;
    }

    /** The things typed in the fact graphs of a source's facts (by provenance lookups, fact by fact). */
    private static Set<String> eventsOfSource(DatasetGraph dsg, String file) {
        Set<String> out = new HashSet<>();
        Graph prov = dsg.getGraph(Iris.PROVENANCE_GRAPH);
        prov.find(Node.ANY, Vocab.DCT_IDENTIFIER, org.apache.jena.graph.NodeFactory.createLiteralString(file)).forEachRemaining(src ->
            prov.find(Node.ANY, Vocab.PROV_WAS_DERIVED_FROM, src.getSubject()).forEachRemaining(fact -> {
                Node g = fact.getSubject();
                if (g.isURI() && g.getURI().startsWith(Iris.FACT))
                    dsg.getGraph(g).find(Node.ANY, Vocab.TYPE, Node.ANY).forEachRemaining(t -> {
                        if (t.getSubject().isURI())
                            out.add(t.getSubject().getURI());
                    });
            }));
        return out;
    }

    /** Whether the event has the type (or a subclass of it). */
    private static boolean hasType(Graph union, String event, Node type) {
        for (Node t : union.find(Iris.uri(event), Vocab.TYPE, Node.ANY).mapWith(Triple::getObject).toList())
            if (t.equals(type) || Neighbourhood.ancestors(union, t).contains(type))
                return true;
        return false;
    }

    private static boolean isEvent(Graph union, Node s, Map<Node, Boolean> eventClass) {
        if (!s.isURI() || !s.getURI().startsWith(Iris.ID))
            return false;
        for (Node t : union.find(s, Vocab.TYPE, Node.ANY).mapWith(Triple::getObject).toList())
            if (eventClass.computeIfAbsent(t, c -> Neighbourhood.ancestors(union, c).contains(Vocab.EVENT)))
                return true;
        return false;
    }
}
