package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.TestProject.MINI_FACTS;
import static org.w3id.ftkg.pipeline.BadInputTest.assertOne;
import static org.w3id.ftkg.pipeline.BadInputTest.line;
import static org.w3id.ftkg.pipeline.BadInputTest.problems;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Triple;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.SelfContainedFacts;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.diagnostics.Problem;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * The modelling rules of issue 13, one per pattern: each is enforced by the build (SHACL or a
 * located check), a violation is reported at its file and line, and the built-in corpus keeps it.
 */
class ModelRulesTest {
    @TempDir
    Path tmp;
    @TempDir
    static Path realDir;
    /** The built-in corpus, built on first use (the fixture tests do not need it), and as the endpoint serves it. */
    private static Corpus real;
    private static org.apache.jena.query.Dataset served;

    private static RuntimeException realFailure;

    static synchronized Corpus real() {
        if (realFailure != null)
            throw realFailure; // the corpus is invalid: each test that reads it says why
        if (real == null) {
            try {
                TestProject p = TestProject.real(realDir);
                real = new Corpus(p.dataset(), Build.of(p.dir()).validate().facts());
            } catch (java.io.IOException e) {
                throw realFailure = new java.io.UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw realFailure = e;
            }
            served = DatasetFactory.wrap(org.w3id.ftkg.store.MemoryStore.withUnionDefault(real.dataset()));
        }
        return real;
    }

    /** The built-in corpus with the union of all graphs as its default graph. */
    private static org.apache.jena.query.Dataset served() {
        real();
        return served;
    }

    /** The built corpus: its quads as the build streams them, and its number of facts. */
    record Corpus(org.apache.jena.sparql.core.DatasetGraph dataset, long factCount) {
        /** Each fact graph's triples. */
        java.util.Map<org.apache.jena.graph.Node, List<Triple>> factGraphs() {
            java.util.Map<org.apache.jena.graph.Node, List<Triple>> out = new java.util.TreeMap<>(
                java.util.Comparator.comparing(org.apache.jena.graph.Node::getURI));
            dataset.find().forEachRemaining(q -> {
                if (q.getGraph().getURI().startsWith(org.w3id.ftkg.model.Iris.FACT))
                    out.computeIfAbsent(q.getGraph(), g -> new java.util.ArrayList<>()).add(q.asTriple());
            });
            return out;
        }
    }

    private TestProject mini() {
        return TestProject.fixture(tmp, "mini");
    }

    private static long count(Corpus kg, String select) {
        String q = "PREFIX ftkg: <https://w3id.org/ftkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX dcterms: <http://purl.org/dc/terms/> "
            + "PREFIX prov: <http://www.w3.org/ns/prov#> SELECT (COUNT(*) AS ?n) WHERE { " + select + " }";
        try (QueryExecution qe = QueryExecution.dataset(served()).query(q).build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    // --- Trap 1: a fact graph is self-contained ----------------------------------------------

    @Test
    void everyFactGraphOfTheCorpusTypesEveryNodeItDescribes() {
        Corpus kg = real();
        kg.factGraphs().forEach((g, triples) -> assertEquals(List.of(), SelfContainedFacts.untyped(triples), g.getURI()));
        // The first attempt of issue 13: an indictment and its target, read from one fact graph alone.
        assertEquals(0, count(kg, "GRAPH ?fact { ?x ftkg:target ?t FILTER NOT EXISTS { ?x a ?type } }"));
        assertEquals(0, count(kg, "GRAPH ?fact { ?x ftkg:target ?t FILTER NOT EXISTS { ?t a ?type } }"));
        assertTrue(count(kg, "GRAPH ?fact { ?x a ftkg:Indictment ; ftkg:target ?t }") > 0);
    }

    @Test
    void aFactGraphWithoutTheTypesOfItsNodesIsRejectedAtItsLine() {
        TestProject p = mini();
        org.apache.jena.graph.Node graph = org.w3id.ftkg.model.Iris.fact("004-caro-quintero-release");
        List<Triple> untyped = new Corpus(p.dataset(), 0).factGraphs().get(graph).stream()
            .filter(t -> !t.getPredicate().equals(Vocab.TYPE)).toList();
        org.w3id.ftkg.curation.FactRecord record = new org.w3id.ftkg.curation.CurationReader(p.dir())
            .readFactsFile(MINI_FACTS, new Problems()).orElseThrow().facts().stream()
            .filter(r -> "004-caro-quintero-release".equals(r.id())).findFirst().orElseThrow();
        Problems problems = new Problems();
        SelfContainedFacts.check(new Fact(record, graph, untyped, null), problems);
        List<Problem> ps = problems.sorted();
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"),
            "does not state the rdf:type of <https://w3id.org/ftkg/id/rafael-caro-quintero>");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"),
            "does not state the rdf:type of <https://w3id.org/ftkg/id/caro-quintero-release-2013>");
    }

    // --- Labels and provenance of graphs -------------------------------------------------------

    @Test
    void factGraphsHaveATitleNotALabelAndEveryGraphHasProvenance() {
        Corpus kg = real();
        assertEquals(0, count(kg, "?f a ftkg:FactGraph ; rdfs:label ?l"));
        assertEquals(kg.factCount(), count(kg, "?f a ftkg:FactGraph ; dcterms:title ?t"));
        List<String> graphs = new java.util.ArrayList<>();
        kg.dataset().listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
        for (String g : graphs)
            assertEquals(1, count(kg, "<" + g + "> prov:wasGeneratedBy ?build"), g + " has no provenance");
        assertEquals(1, count(kg, "<https://w3id.org/ftkg/graph/ontology> prov:wasDerivedFrom "
            + "<https://w3id.org/ftkg/curation/ontology/ftkg.ttl>"));
    }

    // --- Labels: the English sources' names in English, Spanish names @es, bylines in order ------

    /** The source texts, with typographic apostrophes made plain (as a reader would type them). */
    private static List<String> seedTexts() throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.list(TestProject.ROOT.resolve("seeds"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList())
                out.add(java.nio.file.Files.readString(f).replace('\u2019', '\''));
        }
        return out;
    }

    @Test
    void englishLabelsAreTheEnglishSourcesNamesAndSpanishNamesAreTaggedEs() throws Exception {
        List<String> texts = seedTexts();
        // An organization's English label in a Spanish spelling must be how an English source writes it;
        // otherwise the Spanish spelling is its @es label (and the sources' spelling its English one).
        List<String> spanishSpelt = new java.util.ArrayList<>();
        String q = "PREFIX ftkg: <https://w3id.org/ftkg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "SELECT ?x ?l WHERE { ?x a/rdfs:subClassOf* ftkg:Organization ; rdfs:label ?l FILTER(LANG(?l) = 'en') "
            + "FILTER(REGEX(?l, '[áéíóúñÁÉÍÓÚÑ]')) }";
        try (QueryExecution qe = QueryExecution.dataset(served()).query(q).build()) {
            qe.execSelect().forEachRemaining(r -> {
                String label = r.getLiteral("l").getLexicalForm().replace('\u2019', '\'');
                if (texts.stream().noneMatch(t -> t.contains(label)))
                    spanishSpelt.add(r.getResource("x").getLocalName() + " «" + label + "»");
            });
        }
        assertEquals(List.of(), spanishSpelt);
        String id = "https://w3id.org/ftkg/id/";
        assertEquals(1, count(real(), "<" + id + "cartel-del-noreste> rdfs:label 'Cartel del Noreste'@en, 'Cártel del Noreste'@es"));
        assertEquals(1, count(real(), "<" + id + "beltran-leyva-organization> rdfs:label 'Beltran Leyva Organization'@en, "
            + "'Cártel de los Beltrán Leyva'@es"));
        // A work with a Spanish title has it as its @es label; its English label is in English.
        assertTrue(count(real(), "?d ftkg:title ?t FILTER(LANG(?t) = 'es')") >= 3);
        assertEquals(0, count(real(), "?d ftkg:title ?t FILTER(LANG(?t) = 'es') "
            + "FILTER NOT EXISTS { ?d rdfs:label ?es FILTER(LANG(?es) = 'es' && STR(?es) = STR(?t)) }"));
        // A Spanish label is kept only where it differs from the English one.
        assertEquals(0, count(real(), "?x rdfs:label ?en , ?es FILTER(LANG(?en) = 'en' && LANG(?es) = 'es' && STR(?en) = STR(?es))"));
    }

    /** The authors of a source in the order of its ftkg:authorList (rdf:_1, rdf:_2, …), as a researcher asks for them. */
    private static List<String> byline(org.apache.jena.query.Dataset ds, String stem) {
        String q = "PREFIX ftkg: <https://w3id.org/ftkg/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
            + "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> SELECT ?author WHERE { "
            + "<https://w3id.org/ftkg/source/" + stem + "> ftkg:authorList ?list . ?list ?member ?author "
            + "FILTER(STRSTARTS(STR(?member), STR(rdf:_))) } ORDER BY xsd:integer(STRAFTER(STR(?member), '#_'))";
        List<String> authors = new java.util.ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(ds).query(q).build()) {
            qe.execSelect().forEachRemaining(r -> authors.add(r.getResource("author").getLocalName()));
        }
        return authors;
    }

    @Test
    void authorsKeepTheOrderOfTheByline() {
        assertEquals(List.of("beatriz-zanin-de-moraes", "thais-caroline-a-lacerda", "marcos-cordeiro-pires"),
            byline(served(), "002_90deb59fa38b0b85"));
        // The unordered ftkg:author names the same people.
        assertEquals(3, count(real(), "<https://w3id.org/ftkg/source/002_90deb59fa38b0b85> ftkg:author ?a"));
    }

    @Test
    void aBylineIsKeptInTheOrderTheCurationFileGivesIt() {
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace("\nfacts:\n",
            "  author: [rafael-caro-quintero, claudia-sheinbaum, mexico]\n  author_quote: \"once the leader of the now-defunct Guadalajara Cartel\"\n\nfacts:\n"));
        org.apache.jena.query.Dataset ds = DatasetFactory.wrap(org.w3id.ftkg.store.MemoryStore.withUnionDefault(p.dataset()));
        assertEquals(List.of("rafael-caro-quintero", "claudia-sheinbaum", "mexico"), byline(ds, "004_40da1574111b49b3"));
    }

    // --- Trap 2: charges belong to each defendant, not to the case ---------------------------

    private static List<String> column(Corpus kg, String select) {
        String q = "PREFIX ftkg: <https://w3id.org/ftkg/ontology#> PREFIX id: <https://w3id.org/ftkg/id/> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT DISTINCT ?x WHERE { " + select + " } ORDER BY ?x";
        List<String> out = new java.util.ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(served()).query(q).build()) {
            qe.execSelect().forEachRemaining(r -> out.add(r.get("x").toString().replace("https://w3id.org/ftkg/id/", "")));
        }
        return out;
    }

    @Test
    void theFiveOtherBloLeadersAreChargedOnlyWithDrugTraffickingAndMoneyLaundering() {
        Corpus kg = real();
        // The obvious query of a researcher: what is each defendant of the indictment charged with?
        String offences = "?case ftkg:target id:five-other-blo-leaders . "
            + "{ ?case ftkg:charge ?x } UNION { ?case ftkg:hasCharge [ ftkg:defendant id:five-other-blo-leaders ; ftkg:charge ?x ] }";
        assertEquals(List.of("drug-trafficking", "money-laundering"), column(kg, offences));
        assertEquals(List.of("pedro-inzunza-coronel", "pedro-inzunza-noriega"),
            column(kg, "?case ftkg:hasCharge [ ftkg:defendant ?x ; ftkg:charge id:narco-terrorism ]"));
        // No event carries charges itself, so no defendant of a case can inherit another's.
        assertEquals(List.of(), column(kg, "?x ftkg:charge ?c FILTER NOT EXISTS { ?x a ftkg:Charge }"));
        // A conviction reaches its offence by a specific property, not ftkg:topic.
        assertEquals(List.of("camarena-killing-1985"),
            column(kg, "id:caro-quintero-camarena-murder-conviction ftkg:hasCharge/ftkg:offenceEvent ?x"));
    }

    @Test
    void aChargeOnAnEventInsteadOfADefendantIsRejectedAtItsLine() {
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace("        target: rafael-caro-quintero\n",
            "        target: rafael-caro-quintero\n        charge: guadalajara-cartel\n"));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "charge: guadalajara-cartel"), "'charge' applies to a Charge");
    }

    @Test
    void chargesWithoutADefendantAreRejectedAtTheirLine() {
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace("        target: rafael-caro-quintero\n",
            "        target: rafael-caro-quintero\n        hasCharge: caro-quintero-charges\n"
                + "      - id: caro-quintero-charges\n        type: Charge\n        label: Charges against him\n"
                + "        status: convicted\n        chargeDescription: murder\n"));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"),
            "charges belong to exactly one defendant");
    }

    // --- Trap 4: one property finds and orders every dated thing --------------------------------

    @Test
    void everyDatedEventHasOneSortDateAtTheStartOfItsPeriod() throws Exception {
        Corpus kg = real();
        assertEquals(0, count(kg, "?e ftkg:date|ftkg:startDate|ftkg:endDate ?d FILTER NOT EXISTS { ?e ftkg:sortDate ?s }"));
        // The README's "every dated event" query sees events that have only a start and an end.
        String query = java.nio.file.Files.readString(TestProject.ROOT.resolve("queries/dated-events.rq"));
        List<String> events = new java.util.ArrayList<>();
        try (QueryExecution qe = QueryExecution.dataset(served()).query(query).build()) {
            qe.execSelect().forEachRemaining(r -> events.add(r.getResource("event").getLocalName()
                + " " + r.getLiteral("sortDate").getLexicalForm()));
        }
        assertTrue(events.contains("fentanyl-trafficking-convictions-2018-2021 2018-01-01"), events.toString());
        assertTrue(events.contains("caro-quintero-release-2013 2013-01-01"), events.toString());
        assertTrue(events.contains("treasury-sanction-guzman-son-2023-05-09 2023-05-09"), events.toString());
        List<String> sorted = new java.util.ArrayList<>(events);
        sorted.sort(java.util.Comparator.comparing(e -> e.substring(e.lastIndexOf(' ') + 1)));
        assertEquals(sorted.stream().map(e -> e.substring(e.lastIndexOf(' '))).toList(),
            events.stream().map(e -> e.substring(e.lastIndexOf(' '))).toList());
    }

    @Test
    void aThingDatedDifferentlyInTwoFactsIsRejectedAtItsLine() {
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace("        position: leader\n        former: \"true\"\n",
            "        position: leader\n        former: \"true\"\n      - id: caro-quintero-release-2013\n        date: 2012\n"));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"), "one ftkg:sortDate per dated thing");
    }

    @Test
    void anAppointmentThatDoesNotNameItsPostIsRejectedAtItsLine() {
        String appointment = "      - id: caro-quintero-becomes-leader\n        type: Appointment\n"
            + "        label: Caro Quintero becomes leader of the Guadalajara Cartel\n        target: rafael-caro-quintero\n";
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace("        former: \"true\"\n", "        former: \"true\"\n" + appointment));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-former-leader"),
            "an appointment or resignation names the post it starts or ends");
        TestProject named = TestProject.fixture(tmp.resolve("named"), "mini").edit(MINI_FACTS, s -> s.replace("        former: \"true\"\n", "        former: \"true\"\n"
            + appointment + "        post: caro-quintero-leads-guadalajara-cartel\n"));
        assertDoesNotThrow(() -> Build.of(named.dir()).validate());
    }

    @Test
    void postsAreReachedFromTheAppointmentsAndResignationsThatBoundThem() {
        Corpus kg = real();
        assertEquals(List.of(), column(kg, "?x a ftkg:Appointment FILTER NOT EXISTS { ?x ftkg:post ?t }"));
        assertEquals(List.of(), column(kg, "?x a ftkg:Resignation FILTER NOT EXISTS { ?x ftkg:post ?t }"));
        // Where the text dates both, a post starts when its appointment happens and ends when its resignation does.
        assertEquals(List.of(), column(kg, "?x a ftkg:Appointment ; ftkg:post ?t ; ftkg:sortDate ?d . "
            + "?t ftkg:startDate ?s ; ftkg:sortDate ?ts FILTER(?ts != ?d)"));
        assertEquals(List.of("pablo-gomez-uif-head"), column(kg, "id:pablo-gomez-appointment-uif-2021 ftkg:post ?x"));
        assertEquals(List.of("santiago-nieto-uif-head"), column(kg, "id:santiago-nieto-resignation-2021 ftkg:post ?x"));
    }

    // --- Trap 3: reportedBy is the outlet; the report or interview is reportedIn ---------------

    @Test
    void reportedByIsAlwaysAnAgentAndDocumentsAreReportedIn() {
        Corpus kg = real();
        assertEquals(0, count(kg, "?a ftkg:reportedBy ?d . ?d a ftkg:Document"));
        assertEquals(0, count(kg, "?a ftkg:reportedBy ?d . ?d a ftkg:Interview"));
        assertEquals(0, count(kg, "?a ftkg:reportedBy ?d FILTER NOT EXISTS { ?d a/rdfs:subClassOf* ftkg:Agent }"));
        assertTrue(count(kg, "?a ftkg:reportedIn <https://w3id.org/ftkg/id/bloomberg-interview-pablo-gomez>") > 0);
    }

    @Test
    void aReportedByThatIsNotAnOutletIsRejectedAtItsLine() {
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace("        claimant: claudia-sheinbaum\n",
            "        claimant: claudia-sheinbaum\n        reportedBy: fentanyl\n"));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "reportedBy: fentanyl"), "'reportedBy' expects an Agent");
    }

    // --- Trap 3: a demand never asserts what it asks for -------------------------------------

    @Test
    void demandsStateWhatTheyAskForAsContentAndNeverAsAnEvent() {
        Corpus kg = real();
        assertTrue(count(kg, "?d a ftkg:Demand") >= 12);
        assertEquals(0, count(kg, "?d a ftkg:Demand FILTER NOT EXISTS { ?d ftkg:content ?c }"));
        assertEquals(0, count(kg, "?d a ftkg:Demand ; ftkg:claimsEvent ?e"));
        // Republicans proposing a terrorist designation of "the drug cartels" must not make it a designation of them.
        assertEquals(0, count(kg, "<https://w3id.org/ftkg/id/cartels-fto-designation> ftkg:target <https://w3id.org/ftkg/id/mexican-cartels>"));
        assertEquals(1, count(kg, "<https://w3id.org/ftkg/id/002-republicans-demand-terrorist-designation> ftkg:content "
            + "[ rdf:subject <https://w3id.org/ftkg/id/mexican-cartels> ]"));
    }

    private static final String DEMAND_IN_RELEASE_FACT = "      - id: sheinbaum-demands-release\n        type: Demand\n"
        + "        label: Sheinbaum demands the release\n        claimant: claudia-sheinbaum\n        about: caro-quintero-release-2013\n";

    @Test
    void aDemandWhoseFactAssertsTheDemandedEventIsRejectedAtItsLine() {
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace("          - {value: 28, unit: year, counted: \"years served in prison\"}\n",
            "          - {value: 28, unit: year, counted: \"years served in prison\"}\n" + DEMAND_IN_RELEASE_FACT
                + "        content:\n          - {s: rafael-caro-quintero, p: description, v: \"released\"}\n"));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"),
            "a demand never asserts what it asks for");
    }

    @Test
    void aDemandWithoutContentIsRejectedAtItsLine() {
        TestProject p = mini().edit(MINI_FACTS, s -> s.replace(SHEINBAUM_CONTENT,
            SHEINBAUM_CONTENT + DEMAND_IN_RELEASE_FACT.replace("caro-quintero-release-2013", "mexico")));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-sheinbaum-opposes-invasion"),
            "a demand states what it asks for as ftkg:content");
    }

    // --- Trap 3: every claim has content; a denial's is the proposition denied; numbers sit on what is claimed

    private static final String SHEINBAUM_CONTENT = "        content:\n"
        + "          - {s: claudia-sheinbaum, p: description, v: \"her administration would not tolerate an invasion by U.S. forces\"}\n";

    /** The fixture's claim (Sheinbaum on an invasion) as another kind of assertion, its content replaced by {@code content}. */
    private TestProject sheinbaumAs(String type, String content) {
        return mini().edit(MINI_FACTS, s -> s.replace("        type: Claim\n", "        type: " + type + "\n")
            .replace(SHEINBAUM_CONTENT, content));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Claim", "Allegation", "Denial", "Opinion", "Demand"})
    void anAssertionWithOnlyALabelIsRejectedAtItsLine(String type) {
        TestProject p = sheinbaumAs(type, "");
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-sheinbaum-opposes-invasion"),
            "a claim has content: the propositions it claims (ftkg:content, even beside ftkg:claimsEvent)");
    }

    @Test
    void aDenialWhoseContentIsAnEventRatherThanThePropositionDeniedIsRejectedAtItsLine() {
        TestProject p = sheinbaumAs("Denial", "        claimsEvent: caro-quintero-release-2013\n");
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-sheinbaum-opposes-invasion"),
            "a denial's content is the proposition denied");
    }

    @Test
    void aDemandThatClaimsAnEventIsRejectedAtItsLine() {
        TestProject p = sheinbaumAs("Demand", SHEINBAUM_CONTENT + "        claimsEvent: caro-quintero-release-2013\n");
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-sheinbaum-opposes-invasion"),
            "use ftkg:content, not ftkg:claimsEvent");
    }

    @Test
    void aClaimCarryingItsOwnNumbersIsRejectedAtItsLine() {
        TestProject p = sheinbaumAs("Claim", SHEINBAUM_CONTENT
            + "        quantities:\n          - {value: 29, unit: count, counted: \"soldiers\"}\n");
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-sheinbaum-opposes-invasion"),
            "a claim's numbers sit on what is claimed");
    }

    @Test
    void everyClaimOfTheCorpusHasContentAndNoneCarriesNumbers() {
        Corpus kg = real();
        assertEquals(List.of(), column(kg, "?x a/rdfs:subClassOf* ftkg:Assertion FILTER NOT EXISTS { ?x ftkg:content ?c }"));
        assertEquals(List.of(), column(kg, "?x a ftkg:Denial FILTER NOT EXISTS { ?x ftkg:content ?c }"));
        assertEquals(List.of(), column(kg, "?x a/rdfs:subClassOf* ftkg:Assertion ; ftkg:quantity ?q"));
    }

    // --- Trap 5: quantities say what they measure with a term, and have one form of bounds -----

    /** A quantity written as a node of its own, bypassing the 'quantities' form and its checks. */
    private TestProject releaseWithQuantityNode(String properties) {
        return mini().edit(MINI_FACTS, s -> s.replace("        quantities:\n          - {value: 28, unit: year, counted: \"years served in prison\"}\n",
            "        quantity: years-in-prison\n      - id: years-in-prison\n        type: Quantity\n        label: 28 years\n"
                + "        counted: years served in prison\n" + properties));
    }

    @Test
    void everyQuantityCarriesTheKindOfItsUnit() {
        TestProject p = mini();
        org.apache.jena.sparql.core.DatasetGraph dsg = p.dataset();
        org.apache.jena.graph.Node q = org.apache.jena.graph.NodeFactory.createURI(
            "https://w3id.org/ftkg/fact/004-caro-quintero-release#q1");
        assertTrue(dsg.contains(org.apache.jena.graph.Node.ANY, q, Vocab.QUANTITY_KIND, org.w3id.ftkg.model.Iris.term("Duration")));
        assertTrue(dsg.contains(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(
            "https://w3id.org/ftkg/fact/004-extradition-of-29#q1"), Vocab.QUANTITY_KIND, org.w3id.ftkg.model.Iris.term("Count")));
        // On the corpus, every quantity has exactly one kind, which a researcher asks for by name.
        assertEquals(List.of(), column(real(), "?x a ftkg:Quantity FILTER NOT EXISTS { ?x ftkg:quantityKind ?k }"));
        assertTrue(column(real(), "?x ftkg:quantityKind ftkg:Mass ; ftkg:quantityOf id:fentanyl").size() >= 5);
    }

    @Test
    void aQuantityWithoutAMeasureTermIsRejectedAtItsLine() {
        TestProject p = releaseWithQuantityNode("        value: \"28\"\n");
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"), "says what it measures with a term");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"), "a quantity needs exactly one unit");
    }

    @Test
    void aQuantityWithBothAValueAndARangeIsRejectedAtItsLine() {
        TestProject p = releaseWithQuantityNode("        value: \"28\"\n        minValue: \"20\"\n");
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"),
            "one figure (ftkg:value) or a range (ftkg:minValue/ftkg:maxValue), not both");
    }

    @Test
    void aRangeWhoseMinimumExceedsItsMaximumIsRejectedAtItsLine() {
        TestProject p = releaseWithQuantityNode("        minValue: \"30\"\n        maxValue: \"20\"\n");
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"),
            "ftkg:minValue is not greater than its ftkg:maxValue");
    }

    @Test
    void aQuantityThatDoesNotNameWhatItMeasuresIsRejectedAtItsLine() {
        TestProject p = releaseWithQuantityNode("        value: \"28\"\n")
            .edit(MINI_FACTS, s -> s.replace("        counted: years served in prison\n", ""));
        assertOne(problems(p), MINI_FACTS, line(p, MINI_FACTS, "id: 004-caro-quintero-release"),
            "a quantity names what it measures");
    }

    @Test
    void aQuantityFiledUnderAnotherKindThanItsUnitsFailsTheShapes() {
        // The build derives the kind; the shape guards the derivation (a count of kilograms is refused).
        TestProject p = mini();
        org.apache.jena.graph.Graph data = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        p.dataset().find().forEachRemaining(x -> data.add(x.asTriple()));
        org.apache.jena.graph.Node q = org.apache.jena.graph.NodeFactory.createURI(
            "https://w3id.org/ftkg/fact/004-caro-quintero-release#q1");
        data.delete(Triple.create(q, Vocab.QUANTITY_KIND, org.w3id.ftkg.model.Iris.term("Duration")));
        data.add(Triple.create(q, Vocab.QUANTITY_KIND, org.w3id.ftkg.model.Iris.term("Count")));
        Problems ps = new Problems();
        org.w3id.ftkg.diagnostics.Location at = new org.w3id.ftkg.diagnostics.Location(MINI_FACTS, 27, 5);
        org.w3id.ftkg.shapes.ShapeCheck.check(p.dir(), data, n -> n.equals(q) ? at : null, ps);
        assertOne(ps.sorted(), MINI_FACTS, 27, "a quantity's ftkg:quantityKind is the kind of its unit");
    }

    // --- Trap 7: links a researcher expects --------------------------------------------------

    @Test
    void groupsLinkToThePersonTheyAreMadeOfAndOrdersToTheirSigner() {
        String id = "https://w3id.org/ftkg/id/";
        assertEquals(1, count(real(), "<" + id + "sons-of-joaquin-guzman> ftkg:childrenOf <" + id + "joaquin-guzman>"));
        assertEquals(1, count(real(), "<" + id + "trump-fto-executive-order> ftkg:signedBy <" + id + "donald-trump>"));
        // Charges name their defendant and offence (see the charge tests above).
        assertEquals(0, count(real(), "?c a ftkg:Charge FILTER NOT EXISTS { ?c ftkg:defendant ?d }"));
    }
}
