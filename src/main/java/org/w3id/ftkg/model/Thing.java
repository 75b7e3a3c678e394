package org.w3id.ftkg.model;

import org.apache.jena.graph.Node;
import org.w3id.ftkg.diagnostics.Location;

/** Something a slug names: a curated entity or a node (event, tenure, statistic, assertion) of a fact. */
public record Thing(String slug, Node iri, Node type, boolean isEntity, Location at) {}
