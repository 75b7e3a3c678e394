package org.w3id.ftkg.serve.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.*;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * Every query on a guarded dataset passes here after ARQ's optimizer (a {@link RewriteFactory} in the dataset's
 * context, so the in-memory and TDB2 engines both use it): a SERVICE off the allow-list is refused wherever it
 * stands (FILTER EXISTS and subqueries included), REGEX and REPLACE go to the linear-time engine, and every
 * string a function or GROUP_CONCAT builds is bounded.
 */
public final class QueryGuard implements RewriteFactory {
    /** Functions that only test or pass on values, never build new ones: not worth a check. */
    private static final Set<Class<?>> NON_BUILDING = Set.of(E_LogicalAnd.class, E_LogicalOr.class, E_LogicalNot.class,
        E_Equals.class, E_NotEquals.class, E_LessThan.class, E_LessThanOrEqual.class, E_GreaterThan.class,
        E_GreaterThanOrEqual.class, E_Bound.class, E_SameTerm.class, E_IsIRI.class, E_IsURI.class, E_IsBlank.class,
        E_IsLiteral.class, E_IsNumeric.class, E_StrLength.class, E_StrContains.class, E_StrStartsWith.class,
        E_StrEndsWith.class, E_LangMatches.class, E_Coalesce.class, E_Conditional.class, E_OneOf.class,
        E_NotOneOf.class, E_BoundedResult.class, E_Str.class, E_Lang.class, E_Datatype.class);

    private final QueryLimits limits;
    private final Predicate<String> serviceAllowed;

    public QueryGuard(QueryLimits limits, Predicate<String> serviceAllowed) {
        this.limits = limits;
        this.serviceAllowed = serviceAllowed;
    }

    /** Guards every query on a dataset with this context; functions called by IRI are guarded too. */
    public void installIn(Context context) {
        context.set(ARQConstants.sysOptimizerFactory, this);
        BoundedDescribe.install();
        FunctionRegistry.set(context, new GuardedFunctions(FunctionRegistry.get(), limits));
    }

    @Override
    public org.apache.jena.sparql.algebra.optimize.Rewrite create(Context context) {
        var optimizer = Optimize.stdOptimizationFactory.create(context);
        return op -> {
            checkServices(op);
            StringBudget.start(context, limits);
            return Walker.transform(optimizer.rewrite(op), new BoundedAggregates(), new BoundedExpressions());
        };
    }

    /** Refuses the query if any SERVICE, however deep, names an endpoint off the allow-list. */
    public void checkServices(Op op) {
        List<String> refused = new ArrayList<>();
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpService s) {
                var n = s.getService();
                if (!n.isURI() || !serviceAllowed.test(n.getURI()))
                    refused.add(n.isURI() ? "<" + n.getURI() + ">" : n.toString());
            }
        }, new ExprVisitorBase());
        if (!refused.isEmpty())
            throw new QueryDeniedException("SERVICE " + refused.get(0) + " is not allowed: federated queries may only "
                + "call the endpoints on this server's allow-list.");
    }

    private static final class BoundedAggregates extends TransformCopy {
        @Override
        public Op transform(OpGroup g, Op sub) {
            var aggs = g.getAggregators().stream().map(a -> {
                Aggregator b = BoundedGroupConcat.of(a.getAggregator());
                return b == a.getAggregator() ? a : new ExprAggregator(a.getVar(), b);
            }).toList();
            return OpGroup.create(sub, g.getGroupVars(), aggs);
        }
    }

    private final class BoundedExpressions extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunction1 f, Expr a) {
            return bound(super.transform(f, a));
        }

        @Override
        public Expr transform(ExprFunction2 f, Expr a, Expr b) {
            return bound(super.transform(f, a, b));
        }

        @Override
        public Expr transform(ExprFunction3 f, Expr a, Expr b, Expr c) {
            return bound(super.transform(f, a, b, c));
        }

        @Override
        public Expr transform(ExprFunctionN f, ExprList args) {
            Expr e = super.transform(f, args);
            if (e instanceof E_Regex r)
                return new E_LinearRegex(false, new ExprList(r.getArgs()), limits);
            if (e instanceof E_StrReplace r)
                e = new E_LinearRegex(true, new ExprList(r.getArgs()), limits);
            else if (e instanceof E_StrConcat c && !(e instanceof E_BoundedConcat))
                e = new E_BoundedConcat(new ExprList(c.getArgs()));
            // Functions called by IRI are bounded by GuardedFunctions.
            return e instanceof E_Function ? e : bound(e);
        }

        private Expr bound(Expr e) {
            // REGEX only tests a string; REPLACE builds one.
            boolean tests = NON_BUILDING.contains(e.getClass()) || e instanceof E_LinearRegex r && !r.regex.replace;
            return e instanceof ExprFunction && !tests ? new E_BoundedResult(e) : e;
        }
    }

    /** The value of a function, checked against and charged to the query's {@link StringBudget}. */
    private static final class E_BoundedResult extends ExprFunction1 {
        E_BoundedResult(Expr expr) {
            super(expr, "urn:x-ftkg:bounded");
        }

        @Override
        public NodeValue eval(NodeValue v, FunctionEnv env) {
            StringBudget budget = StringBudget.of(env.getContext());
            return budget == null ? v : budget.charge(v);
        }

        @Override
        public NodeValue eval(NodeValue v) {
            return v;
        }

        @Override
        public Expr copy(Expr e) {
            return new E_BoundedResult(e);
        }
    }

    /** CONCAT whose inputs are measured before they are joined: one call may have thousands of arguments. */
    private static final class E_BoundedConcat extends E_StrConcat {
        E_BoundedConcat(ExprList args) {
            super(args);
        }

        @Override
        public NodeValue eval(List<NodeValue> args, FunctionEnv env) {
            StringBudget budget = StringBudget.of(env.getContext());
            if (budget != null)
                budget.checkInputs(args);
            return super.eval(args, env);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new E_BoundedConcat(newArgs);
        }
    }

    /** SPARQL REGEX or REPLACE on the linear-time engine, in place of ARQ's E_Regex and E_StrReplace. */
    private static final class E_LinearRegex extends ExprFunctionN {
        private final LinearRegex regex;

        E_LinearRegex(boolean replace, ExprList args, QueryLimits limits) {
            super(replace ? "replace" : "regex", args);
            this.regex = new LinearRegex(args.getList(), replace, limits);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            return regex.eval(args);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new E_LinearRegex(regex.replace, newArgs, regex.limits);
        }
    }
}
