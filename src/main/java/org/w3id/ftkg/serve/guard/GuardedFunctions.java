package org.w3id.ftkg.serve.guard;

import java.util.List;
import java.util.Map;

import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.urifunctions.SPARQLFuncOp;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * The functions a guarded query may call by IRI: Jena's own, each held to the query's {@link StringBudget},
 * with the regex-using ones (fn:matches, fn:replace and their sparql: names) on the linear-time engine.
 */
final class GuardedFunctions extends FunctionRegistry {
    private final FunctionRegistry base;
    private final Map<String, FunctionFactory> regex;

    GuardedFunctions(FunctionRegistry base, QueryLimits limits) {
        this.base = base;
        FunctionFactory matches = uri -> new RegexFunction(limits, false);
        FunctionFactory replace = uri -> new RegexFunction(limits, true);
        this.regex = Map.of(ARQConstants.fnPrefix + "matches", matches, ARQConstants.fnPrefix + "replace", replace,
            SPARQLFuncOp.NS + "regex", matches, SPARQLFuncOp.NS + "replace", replace);
    }

    @Override
    public FunctionFactory get(String uri) {
        FunctionFactory r = regex.get(uri);
        if (r != null)
            return r;
        FunctionFactory f = base.get(uri);
        return f == null ? null : u -> new BoundedFunction(f.create(u));
    }

    @Override
    public boolean isRegistered(String uri) {
        return regex.containsKey(uri) || base.isRegistered(uri);
    }

    /** A function whose inputs and result are charged to the query's budget. */
    private record BoundedFunction(Function f) implements Function {
        @Override
        public void build(String uri, ExprList args, Context context) {
            f.build(uri, args, context);
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            StringBudget budget = StringBudget.of(env.getContext());
            if (budget == null || !(f instanceof FunctionBase))
                return budget == null ? f.exec(binding, args, uri, env) : budget.charge(f.exec(binding, args, uri, env));
            // A FunctionBase evaluates its arguments first anyway: evaluate them here, once, so that an
            // n-ary join of large values is refused before it is built, then hand over the values.
            ExprList values = new ExprList();
            for (var e : args) {
                try {
                    values.add(e.eval(binding, env));
                } catch (ExprEvalException ex) {
                    return f.exec(binding, args, uri, env); // the function reports its own argument error
                }
            }
            budget.checkInputs(values.getList().stream().map(e -> (NodeValue) e)::iterator);
            return budget.charge(f.exec(binding, values, uri, env));
        }
    }

    private static final class RegexFunction extends FunctionBase {
        private final QueryLimits limits;
        private final boolean replace;
        private LinearRegex regex;

        RegexFunction(QueryLimits limits, boolean replace) {
            this.limits = limits;
            this.replace = replace;
        }

        @Override
        public void checkBuild(String uri, ExprList args) {
            int min = replace ? 3 : 2;
            if (args.size() < min || args.size() > min + 1)
                throw new QueryBuildException(uri + ": wrong number of arguments");
            regex = new LinearRegex(args.getList(), replace, limits);
        }

        @Override
        public NodeValue exec(List<NodeValue> args) {
            return regex.eval(args);
        }
    }
}
