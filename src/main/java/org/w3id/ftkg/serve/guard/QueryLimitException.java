package org.w3id.ftkg.serve.guard;

import org.apache.jena.query.QueryCancelledException;

/**
 * A query that goes past one of the {@link QueryLimits}. It is a cancellation to ARQ, so that it
 * stops the whole query wherever it is thrown (an expression error would only drop a row, and
 * FILTER swallows other exceptions); {@link GuardedQueryProcessor} answers it with its status
 * and message.
 */
public final class QueryLimitException extends QueryCancelledException {
    private final int status;
    private final String message;

    public QueryLimitException(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public static QueryLimitException badRequest(String message) {
        return new QueryLimitException(400, message);
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
