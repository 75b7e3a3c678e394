package org.w3id.ftkg.serve.html;

import java.util.List;

/**
 * An entity (or event, tenure, claim): its labels and types, its Wikidata link (or why it has
 * none), and every fact that mentions it.
 */
public record EntityPage(String iri, String label, List<String> types, List<String> labels, List<String> altLabels,
                         List<String> descriptions, List<Link> wikidata, boolean noVerifiedMatch, List<String> wikidataNotes,
                         String dataPath, List<FactCard> facts) implements Page {}
