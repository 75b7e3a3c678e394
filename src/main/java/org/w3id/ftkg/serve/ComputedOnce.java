package org.w3id.ftkg.serve;

import java.util.function.Supplier;

/** A value computed on first use while other threads wait, then kept; a computation that fails is tried again. */
final class ComputedOnce<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    ComputedOnce(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value; // (no lock once it is there: pages read it on every request)
        if (v != null)
            return v;
        synchronized (this) {
            if (value == null)
                value = compute.get();
            return value;
        }
    }
}
