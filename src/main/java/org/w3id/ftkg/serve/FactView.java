package org.w3id.ftkg.serve;

import java.util.List;

import org.apache.jena.graph.Triple;

/** A fact as pages show it: its quote, where it sits in its source, its triples and its hash (or "" if unpublished). */
public record FactView(String iri, String id, String quote, String sourceFile, String sourceStem, int start, int end,
                       String curationFile, int curationLine, List<Triple> triples, String hash) {}
