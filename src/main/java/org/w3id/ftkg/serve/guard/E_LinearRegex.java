package org.w3id.ftkg.serve.guard;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;

/** SPARQL REGEX or REPLACE on the linear-time engine, in place of ARQ's {@code E_Regex} and {@code E_StrReplace}. */
final class E_LinearRegex extends ExprFunctionN {
    private final LinearRegex regex;

    E_LinearRegex(boolean replace, ExprList args, QueryLimits limits) {
        super(replace ? "replace" : "regex", args);
        this.regex = new LinearRegex(args.getList(), replace, limits);
    }

    /** REPLACE builds a string (so it is bounded); REGEX only tests one. */
    boolean replaces() {
        return regex.replace;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
        return regex.eval(args);
    }

    @Override
    public Expr copy(ExprList newArgs) {
        return new E_LinearRegex(replaces(), newArgs, regex.limits);
    }
}
