package org.w3id.ftkg.serve.guard;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What one query's functions may build: each value at most {@code stringChars}, all together at most
 * {@code builtCharsPerQuery}, so that neither a doubling CONCAT nor many large rows held by ORDER BY take
 * the heap. One per query execution, in its context, with the time (nanoTime) the query started.
 */
record StringBudget(QueryLimits limits, AtomicLong built, long started) {
    private static final Symbol SYMBOL = Symbol.create("urn:x-ftkg:stringBudget");

    static void start(Context context, QueryLimits limits) {
        context.set(SYMBOL, new StringBudget(limits, new AtomicLong(), System.nanoTime()));
    }

    /** The budget of the query executing with this context, or null outside a guarded query. */
    static StringBudget of(Context context) {
        return context == null ? null : context.get(SYMBOL);
    }

    /** Checks a value a function has built and charges it to the query. */
    NodeValue charge(NodeValue v) {
        if (v != null && v.isInteger() && v.getInteger().bitLength() > limits.numberDigits() * 10L / 3)
            throw new QueryLimits.Exceeded(400, "The query computes a number of more than " + limits.numberDigits()
                + " digits, the limit of this endpoint.");
        long size = size(v);
        if (size > limits.stringChars())
            throw limits.tooLong();
        if (size > 0 && built.addAndGet(size) > limits.builtCharsPerQuery())
            throw new QueryLimits.Exceeded(400, "The query built more than " + limits.builtCharsPerQuery()
                + " characters of strings; this endpoint stops it there.");
        return v;
    }

    /** Checks, before a function runs, that its inputs together are not already too long. */
    void checkInputs(Iterable<NodeValue> args) {
        long total = 0;
        for (NodeValue v : args) {
            total += size(v);
            if (total > limits.stringChars())
                throw limits.tooLong();
        }
    }

    /** Characters (or, for numbers, about the digits) a value holds; 0 for small fixed-size values. */
    private static long size(NodeValue v) {
        if (v == null)
            return 0;
        if (v.isString() || v.isLangString())
            return v.getString().length();
        if (v.isInteger())
            return v.getInteger().bitLength() * 3L / 10;
        if (v.isDecimal())
            return v.getDecimal().precision();
        Node n = v.hasNode() ? v.asNode() : null;
        if (n != null && n.isURI())
            return n.getURI().length();
        return n != null && n.isLiteral() ? n.getLiteralLexicalForm().length() : 0;
    }
}
