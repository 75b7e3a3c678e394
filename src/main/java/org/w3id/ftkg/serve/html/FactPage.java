package org.w3id.ftkg.serve.html;

import java.util.List;

/** One fact: its quote in context, the assertions it reports (as sentences), the triples it holds, its provenance, and how to cite it. */
public record FactPage(String iri, FactCard fact, List<EntityPage.Claim> claims, List<Provenance> provenance, String dataPath,
                       Citation citation)
    implements Page {
    /** A provenance triple; {@code ofThisFact} when its subject is the fact itself rather than one of its parts. */
    public record Provenance(boolean ofThisFact, Statement statement) {}

    public String id() {
        return fact.evidence().factId();
    }
}
