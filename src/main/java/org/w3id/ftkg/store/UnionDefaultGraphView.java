package org.w3id.ftkg.store;

import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;

/** A TDB2 database whose default graph, through the Java API, is the union of its named graphs (computed, not stored). */
final class UnionDefaultGraphView extends DatasetGraphWrapper {
    UnionDefaultGraphView(DatasetGraph base) {
        super(base);
    }

    @Override
    public Graph getDefaultGraph() {
        return getUnionGraph();
    }

    static DatasetGraph base(DatasetGraph dsg) {
        return dsg instanceof UnionDefaultGraphView v ? v.getWrapped() : dsg;
    }
}
