package org.w3id.ftkg.output;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;

/**
 * One stream to many (as Jena's {@code StreamRDF2} to two), a thread per sink replaying batches of calls in order
 * (not base or prefixes: the dumps' are fixed). A sink's failure is thrown at the next batch or at {@link #finish}.
 */
final class Tee extends StreamRDFBase implements DatasetSink {
    private static final int BATCH = 4096;
    private static final List<Object> END = List.of();
    private final List<Branch> branches = new ArrayList<>();
    /** Quads, triples, and the other calls as {@code Consumer<StreamRDF>}. */
    private List<Object> batch = new ArrayList<>(BATCH);

    /** Adds a sink, on a thread of this name, before the stream starts. */
    Tee branch(String name, StreamRDF sink) {
        Branch b = new Branch(sink, name);
        branches.add(b);
        b.start();
        return this;
    }

    @Override
    public void start() {
        call(StreamRDF::start);
    }

    @Override
    public void triple(Triple t) {
        add(t);
    }

    @Override
    public void quad(Quad q) {
        add(q);
    }

    @Override
    public void startSource(String stem) {
        call(s -> DatasetSink.of(s).startSource(stem));
    }

    @Override
    public void finishSource() {
        call(s -> DatasetSink.of(s).finishSource());
    }

    /** Hands over the rest, waits for every sink to finish, and throws the first failure. */
    @Override
    public void finish() {
        call(StreamRDF::finish);
        hand(batch);
        hand(END);
        for (Branch b : branches)
            uninterrupted(() -> b.join());
        rethrow();
    }

    /** Stops the threads without finishing the sinks (the build failed), and waits for them. */
    void abandon() {
        for (Branch b : branches) {
            b.interrupt();
            try {
                b.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void call(Consumer<StreamRDF> call) {
        add(call);
    }

    private void add(Object call) {
        batch.add(call);
        if (batch.size() >= BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void hand(List<Object> calls) {
        rethrow();
        for (Branch b : branches)
            uninterrupted(() -> b.queue.put(calls));
    }

    private void rethrow() {
        for (Branch b : branches)
            if (b.failure instanceof RuntimeException r)
                throw r;
            else if (b.failure instanceof Error e)
                throw e;
    }

    private interface Interruptible {
        void run() throws InterruptedException;
    }

    private static void uninterrupted(Interruptible wait) {
        try {
            wait.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class Branch extends Thread {
        private final StreamRDF sink;
        /** A few batches in flight: memory stays bounded when a sink is slower than the build. */
        private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(4);
        private volatile Throwable failure;

        Branch(StreamRDF sink, String name) {
            super("ftkg-" + name);
            this.sink = sink;
            setDaemon(true);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void run() {
            try {
                // After a failure the batches are still taken (and dropped): the producer never waits forever.
                for (List<Object> b; (b = queue.take()) != END;)
                    for (int i = 0; i < b.size() && failure == null; i++)
                        try {
                            if (b.get(i) instanceof Quad q)
                                sink.quad(q);
                            else if (b.get(i) instanceof Triple t)
                                sink.triple(t);
                            else
                                ((Consumer<StreamRDF>) b.get(i)).accept(sink);
                        } catch (RuntimeException | Error e) {
                            failure = e;
                        }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
