package org.w3id.ftkg.serve.guard;

import org.apache.jena.query.QueryCancelledException;

/**
 * The bounds one SPARQL request lives within beyond the timeout: ARQ checks its timeout only between
 * iterator steps, so one long regex match or one huge string must be bounded where it is computed.
 *
 * @param numberDigits       most digits of a number a function may compute (printing one is quadratic)
 * @param builtCharsPerQuery characters all functions of one query may build in total
 * @param queryTokens        most words and symbols in a query's text (ARQ's parser is quadratic in some)
 * @param queryParts         most patterns, path steps, expression nodes and sort keys in one parsed query
 */
public record QueryLimits(int regexInputChars, int regexPatternChars, int stringChars, int numberDigits, long builtCharsPerQuery,
                          long describeTriples, int logQueryChars, int nestingDepth, int queryTokens, int queryParts) {

    public static QueryLimits defaults() {
        return new QueryLimits(100_000, 1_000, 1_000_000, 10_000, 32_000_000L, 200_000, 2_000, 200, 20_000, 5_000);
    }

    public QueryLimits withDescribeTriples(long triples) {
        return new QueryLimits(regexInputChars, regexPatternChars, stringChars, numberDigits, builtCharsPerQuery, triples,
            logQueryChars, nestingDepth, queryTokens, queryParts);
    }

    Exceeded tooLong() {
        return new Exceeded(400, "The query builds a string longer than " + stringChars
            + " characters, the limit of this endpoint.");
    }

    /**
     * A query past one of the limits. A cancellation to ARQ, so that it stops the whole query wherever it
     * is thrown (an expression error would only drop a row, and FILTER swallows other exceptions).
     */
    public static final class Exceeded extends QueryCancelledException {
        private final int status;
        private final String message;

        Exceeded(int status, String message) {
            this.status = status;
            this.message = message;
        }

        public int status() {
            return status;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // a refusal, not a fault: nothing to trace
        }
    }
}
