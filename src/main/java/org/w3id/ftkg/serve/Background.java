package org.w3id.ftkg.serve;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Start-up work on daemon threads of its own, so that the rest of the start-up (or the first answers) need not wait. */
final class Background {
    private Background() {}

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
