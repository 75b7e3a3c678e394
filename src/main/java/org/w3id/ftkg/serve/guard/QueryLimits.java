package org.w3id.ftkg.serve.guard;

/**
 * The bounds one SPARQL request lives within, beyond the timeout: ARQ checks its timeout only
 * between iterator steps, so a single long regex match or one huge string is never interrupted
 * and must be bounded where it is computed.
 *
 * @param regexInputChars   longest string a regular expression is applied to
 * @param regexPatternChars longest regular expression
 * @param stringChars       longest string (or IRI) a function may build
 * @param numberDigits      most digits of a number a function may compute (printing one is quadratic)
 * @param builtCharsPerQuery characters all functions of one query may build in total
 * @param describeTriples   most triples a DESCRIBE may gather before it is refused
 * @param logQueryChars     how much of a query's text is written to the log
 * @param nestingDepth      deepest nesting of brackets in a query's text
 * @param queryTokens       most words and symbols in a query's text (ARQ's parser is quadratic in some)
 * @param queryParts        most patterns, path steps, expression nodes and sort keys in one parsed query
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
}
