package org.w3id.ftkg.serve.guard;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;

/** SPARQL REPLACE on the linear-time engine, in place of ARQ's {@code E_StrReplace}. */
final class E_LinearReplace extends ExprFunctionN {
    private final RegexCall call;
    private final QueryLimits limits;

    E_LinearReplace(ExprList args, QueryLimits limits) {
        super("replace", args);
        this.limits = limits;
        this.call = new RegexCall(args.get(1), args.size() > 3 ? args.get(3) : null, limits);
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return call.replace(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new E_LinearReplace(newArgs, limits);
    }
}
