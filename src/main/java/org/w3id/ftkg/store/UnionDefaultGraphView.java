package org.w3id.ftkg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/**
 * A dataset whose default graph, seen through the Java API, is the union of its named graphs:
 * the contract the Linked Data pages rely on. A dataset in memory ({@link MemoryStore}) materializes that union; a
 * TDB2 database computes it instead of storing every triple twice.
 */
final class UnionDefaultGraphView extends DatasetGraphWrapper {
    UnionDefaultGraphView(DatasetGraph base) {
        super(base);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }
}
