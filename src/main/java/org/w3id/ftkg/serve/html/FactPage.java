package org.w3id.ftkg.serve.html;

import java.util.List;

/** One fact: its quote in context, the triples it supports, and its provenance. */
public record FactPage(String iri, FactCard fact, List<Provenance> provenance, String dataPath) implements Page {
    /** A provenance triple; {@code ofThisFact} when its subject is the fact itself rather than one of its parts. */
    public record Provenance(boolean ofThisFact, Statement statement) {}

    public String id() {
        return fact.evidence().factId();
    }
}
