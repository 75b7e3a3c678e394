package org.w3id.ftkg.serve.guard;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one query's functions may build: each value at most {@link QueryLimits#stringChars()}
 * characters, and all of them together at most {@link QueryLimits#builtCharsPerQuery()}, so that
 * neither one doubling CONCAT nor many rows of large strings held by ORDER BY can take the heap.
 * One budget per query execution, kept in its context, with the time the query started.
 */
public final class StringBudget {
    static final Symbol SYMBOL = Symbol.create("urn:x-ftkg:stringBudget");

    private final QueryLimits limits;
    private final AtomicLong built = new AtomicLong();
    private final long started = System.nanoTime();

    StringBudget(QueryLimits limits) {
        this.limits = limits;
    }

    /** Starts a fresh budget for the query executing with this context. */
    static void start(Context context, QueryLimits limits) {
        context.set(SYMBOL, new StringBudget(limits));
    }

    /** The budget of the query executing with this context, or null outside a guarded query. */
    static StringBudget of(Context context) {
        return context == null ? null : context.get(SYMBOL);
    }

    /** When the query started (System.nanoTime()). */
    long started() {
        return started;
    }

    QueryLimits limits() {
        return limits;
    }

    /** Checks a value a function has built and charges it to the query. */
    NodeValue charge(NodeValue v) {
        if (v != null && v.isInteger() && v.getInteger().bitLength() > limits.numberDigits() * 10L / 3)
            throw QueryLimitException.badRequest("The query computes a number of more than " + limits.numberDigits()
                + " digits, the limit of this endpoint.");
        long size = size(v);
        if (size > limits.stringChars())
            throw tooLong(limits);
        if (size > 0 && built.addAndGet(size) > limits.builtCharsPerQuery())
            throw QueryLimitException.badRequest("The query built more than " + limits.builtCharsPerQuery()
                + " characters of strings; this endpoint stops it there.");
        return v;
    }

    /** Checks, before a function runs, that its inputs together are not already too long. */
    void checkInputs(Iterable<NodeValue> args) {
        long total = 0;
        for (NodeValue v : args) {
            total += size(v);
            if (total > limits.stringChars())
                throw tooLong(limits);
        }
    }

    static QueryLimitException tooLong(QueryLimits limits) {
        return QueryLimitException.badRequest("The query builds a string longer than " + limits.stringChars()
            + " characters, the limit of this endpoint.");
    }

    /** Characters (or, for numbers, about the digits) a value holds; 0 for small fixed-size values. */
    static long size(NodeValue v) {
        if (v == null)
            return 0;
        if (v.isString() || v.isLangString())
            return v.getString().length();
        if (v.isInteger())
            return v.getInteger().bitLength() * 3L / 10;
        if (v.isDecimal())
            return v.getDecimal().precision();
        if (v.hasNode()) {
            Node n = v.asNode();
            if (n.isURI())
                return n.getURI().length();
            if (n.isLiteral())
                return n.getLiteralLexicalForm().length();
        }
        return 0;
    }
}
