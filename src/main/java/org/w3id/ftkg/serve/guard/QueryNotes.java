package org.w3id.ftkg.serve.guard;

import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/** Response headers a dataset's module adds about a query (such as the terms the ontology lacks); the body stays. */
@FunctionalInterface
public interface QueryNotes {
    Symbol SYMBOL = Symbol.create("https://w3id.org/ftkg/ns#queryNotes");

    /** Header names and ASCII values for this parsed query (none: an empty map). */
    Map<String, String> headers(Query query);

    static void installIn(Context context, QueryNotes notes) {
        context.set(SYMBOL, notes);
    }

    static QueryNotes in(Context context) {
        QueryNotes notes = context == null ? null : context.get(SYMBOL);
        return notes != null ? notes : q -> Map.of();
    }
}
