package org.w3id.ftkg.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.CuratedEntity;

/** Proposes candidates for every entity without a QID whose kind can be linked. */
public final class LinkRun {
    private LinkRun() {}

    public static List<Proposal> propose(Ontology onto, List<CuratedEntity> entities, CandidateSearch search,
                                         Consumer<String> progress)
        throws SparqlClient.EndpointException {
        List<EntityRecord> todo = new ArrayList<>();
        for (var e : entities)
            if (e.record().wikidata() == null)
                todo.add(e.record());
        List<Proposal> out = new ArrayList<>();
        int n = 0;
        for (EntityRecord r : todo) {
            n++;
            Optional<WikidataKinds> kind = onto.classNamed(r.type()).flatMap(c -> WikidataKinds.of(c.iri(), onto));
            if (kind.isEmpty())
                continue;
            progress.accept("[" + n + "/" + todo.size() + "] " + r.slug());
            out.add(new Proposal(r.slug(), r.label(), r.type(), r.at().file(), r.at().line(), search.candidates(r, kind.get())));
        }
        return out;
    }
}
