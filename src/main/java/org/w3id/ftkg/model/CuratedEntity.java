package org.w3id.ftkg.model;

import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.curation.EntityRecord;

/** An entity record turned into RDF: labels, type, Wikidata link, in a graph derived from its curation file. */
public record CuratedEntity(EntityRecord record, Node graph, List<Triple> triples) {}
