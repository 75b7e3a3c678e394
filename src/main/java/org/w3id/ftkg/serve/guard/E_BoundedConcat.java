package org.w3id.ftkg.serve.guard;

import java.util.List;

import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/** CONCAT whose inputs are measured before they are joined: one call may have thousands of arguments. */
final class E_BoundedConcat extends E_StrConcat {
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
