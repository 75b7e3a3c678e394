package org.w3id.ftkg.serve.guard;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/** The value of a function, checked against and charged to the query's {@link StringBudget}. */
final class E_BoundedResult extends ExprFunction1 {
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
