package org.w3id.ftkg.serve.guard;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;

/** SPARQL REGEX on the linear-time engine, in place of ARQ's {@code E_Regex}. */
final class E_LinearRegex extends ExprFunctionN {
    private final RegexCall call;
    private final QueryLimits limits;

    E_LinearRegex(ExprList args, QueryLimits limits) {
        super("regex", args);
        this.limits = limits;
        this.call = new RegexCall(args.get(1), args.size() > 2 ? args.get(2) : null, limits);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return call.matches(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new E_LinearRegex(newArgs, limits);
    }
}
