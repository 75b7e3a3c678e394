package org.w3id.ftkg.model;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.source.QuoteMatch;

/** A curated fact turned into RDF: its named graph, the triples in it, and the quote they rest on. */
public record Fact(FactRecord record, Node graph, List<Triple> triples, QuoteMatch quote) {
    public String id() {
        return record.id();
    }
}
