package org.w3id.ftkg.curation;

import java.util.List;

/** Everything curated under {@code data/}: read, not yet checked against the ontology or the sources. */
public record Curation(List<String> entityFiles, List<EntityRecord> entities, List<FactsFile> factFiles) {}
