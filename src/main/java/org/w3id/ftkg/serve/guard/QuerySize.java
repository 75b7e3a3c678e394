package org.w3id.ftkg.serve.guard;

import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * The parts of a parsed query: patterns, path steps, expression nodes, sort keys (not VALUES data). ARQ's
 * compiler and optimizer run outside the timeout, some steps quadratic or recursive in this size.
 */
final class QuerySize {
    private long parts;

    private QuerySize() {}

    /** Subqueries and EXISTS patterns included. */
    static long of(Query q) {
        QuerySize s = new QuerySize();
        s.add(q);
        return s.parts;
    }

    private void add(Query q) {
        if (q.getQueryPattern() != null)
            add(q.getQueryPattern());
        q.getProject().forEachExpr((v, e) -> add(e));
        if (q.getOrderBy() != null)
            for (SortCondition c : q.getOrderBy())
                add(c.getExpression());
        if (q.hasGroupBy())
            q.getGroupBy().forEachExpr((v, e) -> add(e));
        q.getHavingExprs().forEach(this::add);
    }

    private void add(Element el) {
        ElementWalker.walk(el, new ElementVisitorBase() {
            @Override
            public void visit(ElementPathBlock b) {
                for (TriplePath t : b.getPattern().getList())
                    parts += 1 + (t.isTriple() ? 0 : size(t.getPath()));
            }

            @Override
            public void visit(ElementFilter f) {
                add(f.getExpr());
            }

            @Override
            public void visit(ElementBind b) {
                add(b.getExpr());
            }

            @Override
            public void visit(ElementAssign a) {
                add(a.getExpr());
            }

            @Override
            public void visit(ElementSubQuery s) {
                add(s.getQuery());
            }

            @Override
            public void visit(ElementGroup g) {
                parts++;
            }

            @Override
            public void visit(ElementUnion u) {
                parts += u.getElements().size();
            }
        });
    }

    private void add(Expr e) {
        parts++;
        if (e instanceof ExprFunctionOp op)
            add(op.getElement());
        if (e instanceof ExprFunction f)
            f.getArgs().forEach(this::add);
    }

    private static long size(Path p) {
        if (p instanceof P_Path2 p2)
            return 1 + size(p2.getLeft()) + size(p2.getRight());
        if (p instanceof P_Path1 p1)
            return 1 + size(p1.getSubPath());
        return 1;
    }
}
