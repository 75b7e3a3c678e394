package org.w3id.ftkg.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.commons.io.function.IOConsumer;

/**
 * Work made on worker threads and handed back on the calling thread in the items' order, a few in flight: output
 * does not depend on the number of threads, and memory holds only the results in flight.
 */
public final class OrderedWork implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    public OrderedWork(int threads) {
        if (threads < 1)
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ftkg-build");
            t.setDaemon(true);
            return t;
        });
    }

    /** One thread per core, at most 16. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 16));
    }

    /** Makes {@code work} of each item on the workers; {@code sink} receives the results in order, on this thread. */
    public <T, R> void inOrder(List<T> items, Function<T, R> work, IOConsumer<R> sink) throws IOException {
        int window = threads + 1; // few results in flight: they are large, and survive young collections
        ArrayDeque<Future<R>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < items.size() || !pending.isEmpty()) {
                while (next < items.size() && pending.size() < window) {
                    T item = items.get(next++);
                    pending.add(pool.submit(() -> work.apply(item)));
                }
                sink.accept(get(pending.poll()));
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    /** Runs one task beside the ordered work. */
    public <R> Future<R> submit(java.util.concurrent.Callable<R> task) {
        return pool.submit(task);
    }

    public static <R> R get(Future<R> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof UncheckedIOException u ? u.getCause() : e.getCause();
            if (c instanceof IOException io)
                throw io;
            if (c instanceof RuntimeException r)
                throw r;
            if (c instanceof Error err)
                throw err;
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
