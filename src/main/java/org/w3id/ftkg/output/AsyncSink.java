package org.w3id.ftkg.output;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * A sink that runs on its own thread: the calls are gathered into batches and replayed, in order,
 * into the wrapped sink, so that the writers of a tee work side by side instead of one after the
 * other on the build's thread. What each sink receives, and so what it writes, is unchanged. A
 * failure of the sink is thrown to the caller at the next batch or at {@link #finish}.
 */
final class AsyncSink implements DatasetSink {
    private static final int BATCH = 4096;
    private final StreamRDF sink;
    /** A few batches in flight: memory stays bounded when the sink is slower than the build. */
    private final BlockingQueue<List<Consumer<StreamRDF>>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Throwable failure;
    private List<Consumer<StreamRDF>> batch = new ArrayList<>(BATCH);
    private static final List<Consumer<StreamRDF>> END = List.of();

    AsyncSink(StreamRDF sink, String name) {
        this.sink = sink;
        this.thread = new Thread(this::run, "ftkg-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            // After a failure the batches are still taken (and dropped), so the producer never waits forever.
            for (List<Consumer<StreamRDF>> b; (b = queue.take()) != END;)
                if (failure == null)
                    try {
                        for (Consumer<StreamRDF> call : b)
                            call.accept(sink);
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void add(Consumer<StreamRDF> call) {
        batch.add(call);
        if (batch.size() >= BATCH)
            hand();
    }

    private void hand() {
        rethrow();
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        batch = new ArrayList<>(BATCH);
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r)
            throw r;
        if (f instanceof Error e)
            throw e;
    }

    @Override
    public void start() {
        add(StreamRDF::start);
    }

    @Override
    public void triple(Triple t) {
        add(s -> s.triple(t));
    }

    @Override
    public void quad(Quad q) {
        add(s -> s.quad(q));
    }

    @Override
    public void base(String base) {
        add(s -> s.base(base));
    }

    @Override
    public void prefix(String prefix, String iri) {
        add(s -> s.prefix(prefix, iri));
    }

    @Override
    public void startSource(String stem) {
        add(s -> {
            if (s instanceof DatasetSink d)
                d.startSource(stem);
        });
    }

    @Override
    public void finishSource() {
        add(s -> {
            if (s instanceof DatasetSink d)
                d.finishSource();
        });
    }

    /** Hands over the rest, waits for the sink to finish, and throws its failure if it had one. */
    @Override
    public void finish() {
        add(StreamRDF::finish);
        hand();
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        rethrow();
    }

    /** Stops the thread without finishing the sink (the build failed), and waits for it. */
    void abandon() {
        thread.interrupt();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
