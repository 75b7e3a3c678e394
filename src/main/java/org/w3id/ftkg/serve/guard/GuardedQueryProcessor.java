package org.w3id.ftkg.serve.guard;

import java.util.function.Supplier;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.rowset.RowSetWrapper;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Fuseki's SPARQL query operation with a bounded log line and every client mistake answered 4xx: a query
 * too deep or too large to parse, optimise or run is a 400 with one line instead of a 500 with a thousand-line
 * trace, and a query past a {@link QueryLimits} bound answers its status and message, even once results started.
 */
public final class GuardedQueryProcessor extends SPARQL_QueryDataset {
    private final QueryLimits limits;

    public GuardedQueryProcessor(QueryLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString.isBlank())
            ServletOps.errorBadRequest("Empty query string");
        action.log.info(String.format("[%d] Query = %s", action.id, forLog(queryString, limits.logQueryChars())));
        int depth = nesting(queryString);
        if (depth > limits.nestingDepth())
            ServletOps.errorBadRequest("The query nests brackets " + depth + " deep; this endpoint accepts "
                + limits.nestingDepth() + ".");
        int tokens = tokens(queryString);
        if (tokens > limits.queryTokens())
            ServletOps.errorBadRequest("The query has " + tokens + " words and symbols; this endpoint accepts "
                + limits.queryTokens() + ".");
        Query query = parse(queryString, action);
        note(query, action);
        try {
            action.beginRead();
            var p = decideDataset(action, query, "");
            DatasetGraph dataset = p.getLeft();
            Query q = p.getRight() == null ? query : p.getRight();
            try (QueryExec exec = createQueryExec(action, q, dataset)) {
                QueryExecResult result = executeQuery(action, exec, query, "");
                RefusalWatch watch = null;
                if (result.isRowSet()) {
                    watch = new RefusalWatch(result.rowSet());
                    result = new QueryExecResult(watch);
                }
                sendResults(action, result, query.getPrologue());
                // Fuseki ends a result cut short by a cancellation with a note; a refusal says why instead.
                if (watch != null && watch.refusal != null)
                    throw watch.refusal;
            }
        } catch (QueryCancelledException | QueryParseException | StackOverflowError e) {
            action.abortSilent();
            if (e instanceof QueryLimits.Exceeded x)
                throw new ActionErrorException(x.status(), x.getMessage(), null);
            if (e instanceof QueryParseException x)
                ServletOps.errorBadRequest("Query parse error: " + SPARQLProtocol.messageForException(x));
            if (e instanceof StackOverflowError)
                ServletOps.errorBadRequest("The query is too large or too deeply nested to evaluate.");
            throw e;
        } finally {
            action.endRead();
        }
    }

    /** The dataset's notes on the query as headers: advice only, so a note that fails is left out, never the answer. */
    private static void note(Query query, HttpAction action) {
        if (action.getDataset() == null)
            return;
        try {
            QueryNotes.in(action.getDataset().getContext()).headers(query).forEach(action.getResponse()::setHeader);
        } catch (RuntimeException | StackOverflowError e) {
            action.log.warn(String.format("[%d] no query notes: %s", action.id, e));
        }
    }

    private Query parse(String queryString, HttpAction action) {
        try {
            Query query = QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxARQ);
            long parts = QuerySize.of(query);
            if (parts > limits.queryParts())
                ServletOps.errorBadRequest("The query has " + parts + " parts (patterns, path steps, expressions, sort "
                    + "keys); this endpoint accepts " + limits.queryParts() + ".");
            validateQuery(action, query);
            return query;
        } catch (QueryParseException e) {
            String msg = SPARQLProtocol.messageForParseException(e);
            action.log.warn(String.format("[%d] %s", action.id, forLog(msg, limits.logQueryChars())));
            ServletOps.errorBadRequest(msg);
        } catch (QueryException e) {
            ServletOps.errorBadRequest("Query error: " + SPARQLProtocol.messageForException(e));
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("The query is too large or too deeply nested to parse.");
        }
        throw new IllegalStateException(); // ServletOps.error* always throws
    }

    /** The query on one line, cut to at most {@code max} characters. */
    static String forLog(String s, int max) {
        String flat = s.length() > max ? s.substring(0, max) : s;
        flat = flat.replace('\n', ' ').replace('\r', ' ');
        return s.length() > max ? flat + " [... " + (s.length() - max) + " more characters]" : flat;
    }

    /** The deepest nesting of (, { and [ outside strings, comments and IRIs (roughly: enough for a bound). */
    static int nesting(String q) {
        int depth = 0, max = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '(' || c == '{' || c == '[')
                max = Math.max(max, ++depth);
            else if (c == ')' || c == '}' || c == ']')
                depth = Math.max(0, depth - 1);
        }
        return max;
    }

    /** Words and symbols in the text, roughly as the parser will see them. */
    static int tokens(String q) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if ("(){}[],;.".indexOf(c) >= 0) {
                n++;
                inWord = false;
            } else if (Character.isWhitespace(c)) {
                inWord = false;
            } else if (!inWord) {
                n++;
                inWord = true;
            }
        }
        return n;
    }

    /** Passes the rows on, and keeps the refusal that ended them, if any. */
    private static final class RefusalWatch extends RowSetWrapper {
        QueryLimits.Exceeded refusal;

        RefusalWatch(RowSet rows) {
            super(rows);
        }

        @Override
        public boolean hasNext() {
            return watch(super::hasNext);
        }

        @Override
        public Binding next() {
            return watch(super::next);
        }

        private <T> T watch(Supplier<T> step) {
            try {
                return step.get();
            } catch (QueryLimits.Exceeded e) {
                refusal = e;
                throw e;
            }
        }
    }
}
