package org.w3id.ftkg.serve.terms;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuad;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_Path0;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;

/**
 * The IRIs a query names, wherever they stand: triple and quad patterns, property paths, GRAPH and SERVICE names,
 * VALUES, expressions (FILTER EXISTS and subqueries included, through Jena's algebra {@link Walker}), the CONSTRUCT
 * template and the DESCRIBE list.
 */
final class QueryTerms extends OpVisitorBase {
    private final Set<String> iris = new LinkedHashSet<>();
    private final Consumer<Node> add = n -> {
        if (n != null && n.isURI())
            iris.add(n.getURI());
    };

    private QueryTerms() {}

    static Set<String> of(Query query) {
        QueryTerms terms = new QueryTerms();
        if (query.getQueryPattern() != null)
            Walker.walk(Algebra.compile(query), terms, new ExprVisitorBase() {
                @Override
                public void visit(NodeValue nv) {
                    terms.add.accept(nv.asNode());
                }
            });
        if (query.getValuesData() != null)
            query.getValuesData().forEach(terms::binding);
        if (query.getConstructTemplate() != null)
            query.getConstructTemplate().getQuads().forEach(terms::quad);
        if (query.isDescribeType())
            query.getResultURIs().forEach(terms.add);
        return terms.iris;
    }

    private void triple(Triple t) {
        add.accept(t.getSubject());
        add.accept(t.getPredicate());
        add.accept(t.getObject());
    }

    private void quad(Quad q) {
        add.accept(q.getGraph());
        triple(q.asTriple());
    }

    private void binding(Binding b) {
        b.forEach((v, n) -> add.accept(n));
    }

    private void path(Path p) {
        if (p instanceof P_Path0 link)
            add.accept(link.getNode());
        else if (p instanceof P_Path1 one)
            path(one.getSubPath());
        else if (p instanceof P_Path2 two) {
            path(two.getLeft());
            path(two.getRight());
        } else if (p instanceof P_NegPropSet set)
            set.getNodes().forEach(this::path);
    }

    @Override
    public void visit(OpBGP op) {
        op.getPattern().forEach(this::triple);
    }

    @Override
    public void visit(OpTriple op) {
        triple(op.getTriple());
    }

    @Override
    public void visit(OpQuadPattern op) {
        op.getPattern().forEach(this::quad);
    }

    @Override
    public void visit(OpQuad op) {
        quad(op.getQuad());
    }

    @Override
    public void visit(OpPath op) {
        add.accept(op.getTriplePath().getSubject());
        add.accept(op.getTriplePath().getObject());
        if (op.getTriplePath().isTriple())
            add.accept(op.getTriplePath().getPredicate());
        else
            path(op.getTriplePath().getPath());
    }

    @Override
    public void visit(OpGraph op) {
        add.accept(op.getNode());
    }

    @Override
    public void visit(OpService op) {
        add.accept(op.getService());
    }

    @Override
    public void visit(OpTable op) {
        op.getTable().rows().forEachRemaining(this::binding);
    }
}
