package org.w3id.ftkg.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.out.NodeFmtLib;
import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Ontology;

/**
 * Finds Wikidata items whose label or alias is one of an entity's names, and scores them:
 * an exact English label match counts most, an alias or Spanish match less, and an item whose
 * class falls under the entity's kind gains on one that does not.
 */
public final class CandidateSearch {
    static final double LABEL = 0.6, ALIAS = 0.4, TYPE = 0.4;

    private final SparqlClient client;

    public CandidateSearch(SparqlClient client) {
        this.client = client;
    }

    /** Candidates for every entity without a QID whose kind can be linked. */
    public List<Proposal> propose(Ontology onto, List<CuratedEntity> entities, Consumer<String> progress)
        throws SparqlClient.EndpointException {
        List<EntityRecord> todo = entities.stream().map(CuratedEntity::record).filter(r -> r.wikidata() == null).toList();
        List<Proposal> out = new ArrayList<>();
        for (int n = 1; n <= todo.size(); n++) {
            EntityRecord r = todo.get(n - 1);
            Optional<WikidataKinds> kind = WikidataKinds.of(r.type(), onto);
            if (kind.isEmpty())
                continue;
            progress.accept("[" + n + "/" + todo.size() + "] " + r.slug());
            out.add(new Proposal(r.slug(), r.label(), r.type(), r.at().file(), r.at().line(), candidates(r, kind.get())));
        }
        return out;
    }

    public List<Candidate> candidates(EntityRecord e, WikidataKinds kind) throws SparqlClient.EndpointException {
        Set<String> names = new LinkedHashSet<>();
        names.add(NodeFmtLib.strNT(NodeFactory.createLiteralLang(e.label(), "en")));
        for (String a : e.aliases())
            names.add(NodeFmtLib.strNT(NodeFactory.createLiteralLang(a, "en")));
        if (e.labelEs() != null)
            names.add(NodeFmtLib.strNT(NodeFactory.createLiteralLang(e.labelEs(), "es")));
        String typeTest = kind.rootQid == null ? "false" : "EXISTS { ?item wdt:P31/wdt:P279* wd:" + kind.rootQid + " }";
        String q = """
            PREFIX wd: <http://www.wikidata.org/entity/>
            PREFIX wdt: <http://www.wikidata.org/prop/direct/>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX schema: <http://schema.org/>
            SELECT ?item ?name ?label ?description ?typed WHERE {
              VALUES ?name { %s }
              { ?item rdfs:label ?name } UNION { ?item skos:altLabel ?name }
              OPTIONAL { ?item rdfs:label ?label FILTER(LANG(?label) = "en") }
              OPTIONAL { ?item schema:description ?description FILTER(LANG(?description) = "en") }
              BIND(%s AS ?typed)
            } LIMIT 200
            """.formatted(String.join(" ", names), typeTest);
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (QuerySolution r : client.select(q)) {
            String iri = r.getResource("item").getURI();
            if (!iri.startsWith("http://www.wikidata.org/entity/Q"))
                continue;
            String qid = iri.substring(iri.lastIndexOf('/') + 1);
            String name = r.getLiteral("name").getString();
            boolean typed = r.contains("typed") && r.getLiteral("typed").getBoolean();
            double score = (name.equals(e.label()) && "en".equals(r.getLiteral("name").getLanguage()) ? LABEL : ALIAS)
                + (typed ? TYPE : 0);
            Candidate c = new Candidate(qid, r.contains("label") ? r.getLiteral("label").getString() : "",
                r.contains("description") ? r.getLiteral("description").getString() : "", name, typed,
                Math.round(score * 100) / 100.0);
            best.merge(qid, c, (a, b) -> a.score() >= b.score() ? a : b);
        }
        List<Candidate> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::qid));
        return out;
    }
}
