package org.w3id.ftkg.serve;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Start-up work done on a thread of its own, so that the server's other start-up work (and, for
 * the search index, its first answers) need not wait for it. A daemon thread: it never keeps the
 * JVM alive.
 */
final class Background {
    private Background() {}

    /** Starts computing {@code work} on a new daemon thread called {@code name}. */
    static <T> CompletableFuture<T> supply(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor(name));
    }

    /** Runs each task given on a new daemon thread called {@code name}. */
    static Executor executor(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Waits for {@code work}; its failure is thrown as it was thrown on the other thread. */
    static <T> T await(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r)
                throw r;
            if (e.getCause() instanceof Error err)
                throw err;
            throw e;
        }
    }
}
