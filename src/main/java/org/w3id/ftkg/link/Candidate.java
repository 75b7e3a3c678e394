package org.w3id.ftkg.link;

/** A Wikidata item proposed for an entity, with why and how well it matches. */
public record Candidate(String qid, String label, String description, String matchedName, boolean typeMatches,
                        double score) {}
