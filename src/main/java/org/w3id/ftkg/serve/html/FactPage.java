package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * One fact: its quote in context, the assertions it reports (as sentences), the triples it holds, its
 * provenance, its content hash (checked against the data served), and how to cite it.
 */
public record FactPage(String iri, FactCard fact, List<EntityPage.Claim> claims, List<Provenance> provenance, String dataPath,
                       ContentHash hash, Citation citation)
    implements Page {
    /**
     * The fact's hash as the data publishes it ({@code ftkg:factHash}, empty if it has none), as the
     * server recomputes it from the data it serves, and where the canonical N-Quads it covers are.
     */
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
