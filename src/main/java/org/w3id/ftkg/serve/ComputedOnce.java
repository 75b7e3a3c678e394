package org.w3id.ftkg.serve;

import java.util.function.Supplier;

/**
 * A value computed on first use by one thread while the others wait, then kept: the served data
 * does not change, so a view's whole-graph reading is done once, not per request. A computation
 * that fails is not kept; the next request tries again.
 */
final class ComputedOnce<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private volatile T value;

    ComputedOnce(Supplier<T> compute) {
        this.compute = compute;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                if (value == null)
                    value = compute.get();
                v = value;
            }
        }
        return v;
    }
}
