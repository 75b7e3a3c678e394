package org.w3id.ftkg.pipeline;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.validate.SourceText;

/**
 * The result of a build: the dataset (one named graph per fact and per entity record, the
 * provenance graph and the ontology graph) and the records it was made from.
 */
public record KnowledgeGraph(DatasetGraph dataset, List<Fact> facts, List<CuratedEntity> entities,
                             List<SourceText> sources, Ontology ontology) {}
