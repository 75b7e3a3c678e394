package org.w3id.ftkg.serve;

import java.util.List;

import org.apache.jena.graph.Triple;

/**
 * A fact as pages show it: its quote, where the quote sits in its source, the triples it supports,
 * and its published content hash ({@code ftkg:factHash}; empty in data built before hashes were published).
 */
public record FactView(String iri, String id, String quote, String sourceFile, String sourceStem, int start, int end,
                       String curationFile, int curationLine, List<Triple> triples, String hash) {}
