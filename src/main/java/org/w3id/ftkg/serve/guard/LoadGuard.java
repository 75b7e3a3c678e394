package org.w3id.ftkg.serve.guard;

import java.util.Locale;
import java.util.function.Predicate;

import org.apache.jena.query.QueryBuildException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * SPARQL LOAD fetches any URL, {@code file:} included, and its parse errors echo what it read: on a guarded
 * dataset its source must be on the allow-list, never a file. ARQ's update engine registry is per JVM, so this
 * engine takes only the datasets whose context carries a guard.
 */
public final class LoadGuard {
    private static final Symbol SYMBOL = Symbol.create("urn:x-ftkg:loadAllowed");
    private static final UpdateEngineFactory FACTORY = new UpdateEngineFactory() {
        @Override
        public boolean accept(DatasetGraph dsg, Context context) {
            return context != null && context.get(SYMBOL) != null;
        }

        @Override
        public UpdateEngine create(DatasetGraph dsg, Binding input, Context context) {
            Predicate<String> allowed = context.get(SYMBOL);
            return new UpdateEngineMain(dsg, input, context) {
                @Override
                protected UpdateVisitor prepareWorker() {
                    return new UpdateEngineWorker(dsg, input, context) {
                        @Override
                        public void visit(UpdateLoad load) {
                            check(load.getSource(), allowed);
                            super.visit(load);
                        }
                    };
                }
            };
        }
    };

    private LoadGuard() {}

    /** LOAD on datasets with this context reads only sources the predicate allows, and no file. */
    public static void installIn(Context context, Predicate<String> allowed) {
        synchronized (FACTORY) {
            if (!UpdateEngineRegistry.get().contains(FACTORY))
                UpdateEngineRegistry.get().add(FACTORY);
        }
        context.set(SYMBOL, allowed);
    }

    static void check(String source, Predicate<String> allowed) {
        String scheme = source.contains(":") ? source.substring(0, source.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (!web || !allowed.test(source))
            // Fuseki answers this exception 400 with its message, and aborts the update.
            throw new QueryBuildException("LOAD <" + source + "> is not allowed: this server loads only from the "
                + "endpoints on its allow-list, and never local files.");
    }
}
