package org.w3id.ftkg.link;

import java.util.List;

/** The candidates for one entity, best first; {@code ambiguous} when the best two score the same. */
public record Proposal(String slug, String label, String type, String file, int line, List<Candidate> candidates) {
    public boolean ambiguous() {
        return candidates.size() > 1 && candidates.get(0).score() == candidates.get(1).score();
    }
}
