package org.w3id.ftkg.serve.html;

import java.util.List;

/** One fact: its quote, assertions in words, triples, provenance, content hash (checked) and citation. */
public record FactPage(String iri, FactCard fact, List<EntityPage.Claim> claims, List<Provenance> provenance, String dataPath,
                       ContentHash hash, Citation citation)
    implements Page {
    /** The hash as published ({@code ftkg:factHash}, or empty), as recomputed from the data served, and its input. */
    public record ContentHash(String published, String recomputed, String canonicalPath) {
        public boolean matches() {
            return published.equals(recomputed);
        }
    }

    /** A provenance triple; {@code ofThisFact} when its subject is the fact itself rather than one of its parts. */
    public record Provenance(boolean ofThisFact, Statement statement) {}

    public String id() {
        return fact.evidence().factId();
    }
}
