package org.w3id.ftkg.serve.guard;

import java.util.concurrent.TimeUnit;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.describe.DescribeBNodeClosure;
import org.apache.jena.sparql.core.describe.DescribeHandler;
import org.apache.jena.sparql.core.describe.DescribeHandlerFactory;
import org.apache.jena.sparql.core.describe.DescribeHandlerRegistry;
import org.apache.jena.sparql.engine.Timeouts;
import org.apache.jena.sparql.util.Context;

/**
 * Jena's default DESCRIBE (the blank-node closure) within the query's timeout and a bound on triples: ARQ
 * times the WHERE clause only, then builds every description in memory. ARQ keeps one registry of describe
 * handlers per JVM, so the bounds apply only to guarded queries.
 */
final class BoundedDescribe implements DescribeHandler {
    private static final DescribeHandlerFactory FACTORY = BoundedDescribe::new;
    private final DescribeBNodeClosure closure = new DescribeBNodeClosure();
    private Model model;
    private StringBudget budget;
    private long deadline;

    static synchronized void install() {
        DescribeHandlerRegistry registry = DescribeHandlerRegistry.get();
        for (var it = registry.handlers(); it.hasNext();)
            if (it.next() == FACTORY)
                return;
        registry.clear();
        registry.add(FACTORY);
    }

    @Override
    public void start(Model accumulator, Context context) {
        this.model = accumulator;
        this.budget = StringBudget.of(context);
        this.deadline = budget == null ? Long.MAX_VALUE : budget.started() + overallTimeoutNanos(context);
        closure.start(accumulator, context);
    }

    @Override
    public void describe(Resource resource) {
        if (System.nanoTime() > deadline)
            throw new QueryCancelledException();
        closure.describe(resource);
        if (budget != null && model.size() > budget.limits().describeTriples())
            throw new QueryLimits.Exceeded(413, "The description has more than " + budget.limits().describeTriples()
                + " triples, more than this endpoint returns. Describe fewer resources, or download the dumps from /dumps/.");
    }

    @Override
    public void finish() {
        closure.finish();
    }

    private static long overallTimeoutNanos(Context context) {
        Object t = context.get(ARQ.queryTimeout);
        var pair = t == null ? null : Timeouts.parseTimeoutStr(t.toString(), TimeUnit.MILLISECONDS);
        boolean none = pair == null || pair.getRight() < 0;
        return none ? Long.MAX_VALUE / 2 : TimeUnit.MILLISECONDS.toNanos(pair.getRight());
    }
}
