package org.w3id.ftkg.curation;

import java.util.List;

/** A facts file: its path (relative to the project), its source header and its facts. */
public record FactsFile(String path, SourceRecord source, List<FactRecord> facts) {}
