package org.w3id.ftkg.serve;

import static org.apache.commons.lang3.StringUtils.isEmpty;

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
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.G;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * The timeline's order: every event's IRI by ftkg:sortDate (dates of any precision), then IRI, events with only
 * date words last; read once from the date properties' index, then a page is a walk along it until full.
 */
final class TimelineIndex {
    private static final String WORDS_ONLY = "~"; // sorts after every ISO date

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
                    key.merge(t.getSubject().getURI(), t.getObject().getLiteralLexicalForm(),
                        (a, b) -> a.compareTo(b) <= 0 ? a : b);
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

    /**
     * The events that pass the filter from the {@code offset}-th, at most {@code size} + 1 (the extra one says a
     * next page exists); with an actor or a source, only its events (by lookups), put in timeline order.
     */
    List<String> page(DatasetGraph dsg, ViewQueries.TimelineFilter f, int offset, int size) {
        return dsg.calculateRead(() -> {
            Graph union = dsg.getDefaultGraph();
            Predicate<String> ofType = isEmpty(f.type()) ? e -> true : e -> hasType(union, e, Iris.uri(f.type()));
            List<String> candidates = isEmpty(f.actor()) ? null : eventsOfActor(union, Iris.uri(f.actor()));
            if (!isEmpty(f.source())) {
                Set<String> fromSource = eventsOfSource(dsg, f.source());
                candidates = candidates == null ? new ArrayList<>(fromSource)
                    : candidates.stream().filter(fromSource::contains).toList();
            }
            List<String> out = new ArrayList<>();
            int skipped = 0;
            Iterable<String> order = candidates == null ? Arrays.asList(events) : inOrder(candidates);
            for (String e : order) {
                if (!ofType.test(e) || skipped++ < offset)
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
        return ViewQueries.ROLES.stream().flatMap(role -> union.find(Node.ANY, role, actor).mapWith(Triple::getSubject)
            .toList().stream()).filter(Node::isURI).map(Node::getURI).toList();
    }

    /** The things typed in the fact graphs of a source's facts (by provenance lookups, fact by fact). */
    private static Set<String> eventsOfSource(DatasetGraph dsg, String file) {
        Set<String> out = new HashSet<>();
        Graph prov = dsg.getGraph(Iris.PROVENANCE_GRAPH);
        prov.find(Node.ANY, Vocab.DCT_IDENTIFIER, NodeFactory.createLiteralString(file)).forEachRemaining(src ->
            prov.find(Node.ANY, Vocab.PROV_WAS_DERIVED_FROM, src.getSubject()).forEachRemaining(fact -> {
                Node g = fact.getSubject();
                if (Iris.isFactGraph(g))
                    dsg.getGraph(g).find(Node.ANY, Vocab.TYPE, Node.ANY).forEachRemaining(t -> {
                        if (t.getSubject().isURI())
                            out.add(t.getSubject().getURI());
                    });
            }));
        return out;
    }

    /** Whether the event has the type (or a subclass of it). */
    private static boolean hasType(Graph union, String event, Node type) {
        return union.find(Iris.uri(event), Vocab.TYPE, Node.ANY).mapWith(Triple::getObject).toList().stream()
            .anyMatch(t -> G.superClasses(union, t).contains(type));
    }

    private static boolean isEvent(Graph union, Node s, Map<Node, Boolean> eventClass) {
        return s.isURI() && s.getURI().startsWith(Iris.ID) && union.find(s, Vocab.TYPE, Node.ANY).mapWith(Triple::getObject)
            .toList().stream().anyMatch(t -> eventClass.computeIfAbsent(t, c -> G.superClasses(union, c)
                .contains(Vocab.EVENT)));
    }
}
