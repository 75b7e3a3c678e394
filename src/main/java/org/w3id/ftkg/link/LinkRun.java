package org.w3id.ftkg.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Ontology;

/** Proposes candidates for every entity without a QID whose kind can be linked. */
public final class LinkRun {
    private LinkRun() {}

    public static List<Proposal> propose(Ontology onto, List<CuratedEntity> entities, CandidateSearch search,
                                         Consumer<String> progress) throws SparqlClient.EndpointException {
        List<EntityRecord> todo = entities.stream().map(CuratedEntity::record).filter(r -> r.wikidata() == null).toList();
        List<Proposal> out = new ArrayList<>();
        for (int n = 1; n <= todo.size(); n++) {
            EntityRecord r = todo.get(n - 1);
            Optional<WikidataKinds> kind = WikidataKinds.of(r.type(), onto);
            if (kind.isEmpty())
                continue;
            progress.accept("[" + n + "/" + todo.size() + "] " + r.slug());
            out.add(new Proposal(r.slug(), r.label(), r.type(), r.at().file(), r.at().line(), search.candidates(r, kind.get())));
        }
        return out;
    }
}
