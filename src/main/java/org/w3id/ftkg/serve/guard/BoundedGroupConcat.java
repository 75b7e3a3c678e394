package org.w3id.ftkg.serve.guard;

import java.util.Objects;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.aggregate.AggregatorBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.graph.NodeConst;

/**
 * GROUP_CONCAT whose string stops at the string limit: ARQ's keeps appending to one
 * StringBuilder for as many rows as there are, which is how a query took the heap.
 */
final class BoundedGroupConcat extends AggregatorBase {
    private final String separator;

    private BoundedGroupConcat(boolean distinct, Expr expr, String separator) {
        super("GROUP_CONCAT", distinct, expr);
        this.separator = separator;
    }

    /** The bounded form of ARQ's GROUP_CONCAT aggregators; any other aggregator as it is. */
    static Aggregator of(Aggregator a) {
        if (a instanceof AggGroupConcat g)
            return new BoundedGroupConcat(false, g.getExprList().get(0), g.getSeparator());
        if (a instanceof AggGroupConcatDistinct g)
            return new BoundedGroupConcat(true, g.getExprList().get(0), g.getSeparator());
        return a;
    }

    @Override
    public Aggregator copy(ExprList exprs) {
        return new BoundedGroupConcat(isDistinct, exprs.get(0), separator);
    }

    @Override
    public Accumulator createAccumulator() {
        String sep = separator == null ? " " : separator;
        return new AccumulatorExpr(getExpr(), isDistinct) {
            private final StringBuilder sb = new StringBuilder();
            private boolean first = true;

            @Override
            protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
                StringBudget budget = StringBudget.of(env.getContext());
                if (!first)
                    sb.append(sep);
                sb.append(nv.asString());
                first = false;
                if (budget != null && sb.length() > budget.limits().stringChars())
                    throw budget.limits().tooLong();
            }

            @Override
            protected void accumulateError(Binding binding, FunctionEnv env) {}

            @Override
            protected NodeValue getAccValue() {
                return NodeValue.makeString(sb.toString());
            }
        };
    }

    @Override
    public Node getValueEmpty() {
        return NodeConst.emptyString;
    }

    @Override
    public int hashCode() {
        return (isDistinct ? HC_AggGroupConcatDistinct : HC_AggGroupConcat) ^ exprList.hashCode() ^ Objects.hashCode(separator);
    }

    @Override
    public boolean equals(Aggregator other, boolean bySyntax) {
        return other instanceof BoundedGroupConcat g && g.isDistinct == isDistinct
            && Objects.equals(g.separator, separator) && g.getExpr().equals(getExpr(), bySyntax);
    }
}
