package org.w3id.ftkg.replica;

import java.util.concurrent.atomic.AtomicReference;

/** Where a replica is in its life: only a {@link State#READY} replica should get traffic. */
public final class Readiness {
    public enum State {
        /** The server is up but has not yet answered a query from its data. */
        STARTING,
        /** The data answers. */
        READY,
        /** Stopping: requests in flight finish, the balancer should send no more. */
        DRAINING
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);

    public State state() {
        return state.get();
    }

    void ready() {
        // A replica that has begun to drain never becomes ready again.
        state.compareAndSet(State.STARTING, State.READY);
    }

    void draining() {
        state.set(State.DRAINING);
    }
}
