package org.w3id.ftkg.curation;

import java.util.List;

import org.w3id.ftkg.diagnostics.Location;

/** One curated fact: a quote from its source and what the quote supports. */
public record FactRecord(String id, String sourceFile, String quote, Integer occurrence, String note,
                         List<Misspelling> misspellings, List<StatementSpec> statements, List<NodeSpec> nodes,
                         Location at) {}
