package org.w3id.ftkg.serve.terms;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.*;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_Path0;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;

/**
 * The IRIs a query names, wherever they stand: triple and quad patterns, property paths, GRAPH and
 * SERVICE names, VALUES, expressions (FILTER EXISTS and subqueries included, through Jena's
 * algebra {@link Walker}), the CONSTRUCT template and the DESCRIBE list.
 */
final class QueryTerms {
    private QueryTerms() {}

    static Set<String> of(Query query) {
        Set<String> iris = new LinkedHashSet<>();
        Consumer<Node> add = n -> {
            if (n != null && n.isURI())
                iris.add(n.getURI());
        };
        if (query.getQueryPattern() != null) {
            Op op = Algebra.compile(query);
            Walker.walk(op, new Nodes(add), new ExprVisitorBase() {
                @Override
                public void visit(NodeValue nv) {
                    add.accept(nv.asNode());
                }
            });
        }
        if (query.getValuesData() != null)
            query.getValuesData().forEach(b -> b.forEach((v, n) -> add.accept(n)));
        if (query.getConstructTemplate() != null)
            query.getConstructTemplate().getQuads().forEach(q -> quad(q, add));
        if (query.isDescribeType())
            query.getResultURIs().forEach(add);
        return iris;
    }

    private static void triple(Triple t, Consumer<Node> add) {
        add.accept(t.getSubject());
        add.accept(t.getPredicate());
        add.accept(t.getObject());
    }

    private static void quad(Quad q, Consumer<Node> add) {
        add.accept(q.getGraph());
        triple(q.asTriple(), add);
    }

    private static void path(Path p, Consumer<Node> add) {
        if (p instanceof P_Path0 link)
            add.accept(link.getNode());
        else if (p instanceof P_Path1 one)
            path(one.getSubPath(), add);
        else if (p instanceof P_Path2 two) {
            path(two.getLeft(), add);
            path(two.getRight(), add);
        } else if (p instanceof P_NegPropSet set)
            set.getNodes().forEach(n -> path(n, add));
    }

    private static final class Nodes extends OpVisitorBase {
        private final Consumer<Node> add;

        Nodes(Consumer<Node> add) {
            this.add = add;
        }

        @Override
        public void visit(OpBGP op) {
            op.getPattern().forEach(t -> triple(t, add));
        }

        @Override
        public void visit(OpTriple op) {
            triple(op.getTriple(), add);
        }

        @Override
        public void visit(OpQuadPattern op) {
            op.getPattern().forEach(q -> quad(q, add));
        }

        @Override
        public void visit(OpQuad op) {
            quad(op.getQuad(), add);
        }

        @Override
        public void visit(OpPath op) {
            add.accept(op.getTriplePath().getSubject());
            add.accept(op.getTriplePath().getObject());
            if (op.getTriplePath().isTriple())
                add.accept(op.getTriplePath().getPredicate());
            else
                path(op.getTriplePath().getPath(), add);
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
            op.getTable().rows().forEachRemaining(b -> b.forEach((v, n) -> add.accept(n)));
        }
    }
}
