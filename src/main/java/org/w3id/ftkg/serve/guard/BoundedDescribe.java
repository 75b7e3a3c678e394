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
 * DESCRIBE within the query's timeout and a bound on triples. ARQ runs the WHERE clause under the
 * timeout but then describes every resource found with no clock and no limit, building the whole
 * description in memory. This is Jena's default description (the blank-node closure) with a
 * deadline and a cap checked per resource. ARQ keeps one registry of describe handlers for the
 * JVM, so the handler applies its bounds only to guarded queries.
 */
final class BoundedDescribe implements DescribeHandler {
    private final DescribeBNodeClosure closure = new DescribeBNodeClosure();
    private Model model;
    private StringBudget budget;
    private long deadline;

    /** Makes DESCRIBE bounded in this JVM (for guarded queries; others describe as before). */
    static synchronized void install() {
        DescribeHandlerRegistry registry = DescribeHandlerRegistry.get();
        for (var it = registry.handlers(); it.hasNext();)
            if (it.next() instanceof Factory)
                return;
        registry.clear();
        registry.add(new Factory());
    }

    private static final class Factory implements DescribeHandlerFactory {
        @Override
        public DescribeHandler create() {
            return new BoundedDescribe();
        }
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
            throw new QueryLimitException(413, "The description has more than " + budget.limits().describeTriples()
                + " triples, more than this endpoint returns. Describe fewer resources, or download the dumps from /dumps/.");
    }

    @Override
    public void finish() {
        closure.finish();
    }

    private static long overallTimeoutNanos(Context context) {
        Object t = context.get(ARQ.queryTimeout);
        if (t == null)
            return Long.MAX_VALUE / 2;
        var pair = Timeouts.parseTimeoutStr(t.toString(), TimeUnit.MILLISECONDS);
        long ms = pair == null || pair.getRight() < 0 ? -1 : pair.getRight();
        return ms < 0 ? Long.MAX_VALUE / 2 : TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
