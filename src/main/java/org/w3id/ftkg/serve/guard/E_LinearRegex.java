package org.w3id.ftkg.serve.guard;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;

/** SPARQL REGEX or REPLACE on the linear-time engine, in place of ARQ's {@code E_Regex} and {@code E_StrReplace}. */
final class E_LinearRegex extends ExprFunctionN {
    private final RegexCall call;
    private final QueryLimits limits;

    private E_LinearRegex(String name, ExprList args, QueryLimits limits) {
        super(name, args);
        this.limits = limits;
        int flags = replaces() ? 3 : 2;
        this.call = new RegexCall(args.get(1), args.size() > flags ? args.get(flags) : null, limits);
    }

    static E_LinearRegex regex(ExprList args, QueryLimits limits) {
        return new E_LinearRegex("regex", args, limits);
    }

    static E_LinearRegex replace(ExprList args, QueryLimits limits) {
        return new E_LinearRegex("replace", args, limits);
    }

    /** REPLACE builds a string (so it is bounded); REGEX only tests one. */
    boolean replaces() {
        return getFunctionSymbol().getSymbol().equals("replace");
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return replaces() ? call.replace(args) : call.matches(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new E_LinearRegex(getFunctionSymbol().getSymbol(), newArgs, limits);
    }
}
