package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.store.MemoryStore;

/**
 * The pages of the built-in corpus list things in the order the data gives: an entity's events as
 * the documented query does (by ftkg:sortDate), a source's authors as its byline (issue 13).
 */
class CorpusOrderTest {
    @TempDir
    static Path dir;
    static DatasetGraph served;
    static LinkedDataStore store;

    @BeforeAll
    static void buildTheCorpus() {
        served = MemoryStore.withUnionDefault(TestProject.real(dir).dataset());
        store = new LinkedDataStore(served);
    }

    private static List<String> select(String query, String column) {
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(served)).query(query).build()) {
            qe.execSelect().forEachRemaining(r -> out.add(r.get(column).toString()));
        }
        return out;
    }

    /** The events of {@code entity} as its page lists them. */
    private static List<String> pageEvents(String entity) {
        return EntityStatements.events(NodeFactory.createURI(entity), store.factsMentioning(entity), store).stream()
            .map(ViewQueries.TimelineItem::event).toList();
    }

    @Test
    void everyEntityPageListsItsEventsAsTheEntityEventsQueryDoes() throws Exception {
        String query = Files.readString(TestProject.ROOT.resolve("queries/entity-events-in-order.rq"));
        List<String> entities = select("PREFIX ftkg: <https://w3id.org/ftkg/ontology#> "
            + "SELECT DISTINCT ?x WHERE { ?x ftkg:wikidataLinkStatus ?s } ORDER BY ?x", "x");
        assertTrue(entities.size() > 250, entities.toString());
        int withEvents = 0;
        for (String e : entities) {
            List<String> expected = List.copyOf(new LinkedHashSet<>(
                select(query.replace("id:rafael-caro-quintero", "<" + e + ">"), "event")));
            assertEquals(expected, pageEvents(e), e);
            withEvents += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(withEvents > 100, "entities with events: " + withEvents);
    }

    @Test
    void eventsDatedOnlyByTheirStartAreListedInDateOrder() {
        // The Nogales operation has only a start date (23 June 2023); Nogales, Sonora is its place.
        String id = "https://w3id.org/ftkg/id/";
        List<String> events = pageEvents(id + "nogales-sonora");
        assertTrue(events.contains(id + "nogales-sonora-operation-2023"), events.toString());
        List<String> dates = events.stream().map(e -> store.sortDate(NodeFactory.createURI(e)).orElse("~")).toList();
        assertEquals(dates.stream().sorted().toList(), dates, events.toString());
    }

    @Test
    void aSourcePageListsItsAuthorsInTheOrderOfTheByline() {
        assertEquals("Beatriz Zanin de Moraes; Thais Caroline A. Lacerda; Marcos Cordeiro Pires",
            new ViewQueries(served).sourceMetadata("002_90deb59fa38b0b85").author());
    }
}
