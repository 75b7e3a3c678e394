package org.w3id.ftkg.replica;

import java.time.Duration;

/**
 * How a replica stops: after SIGTERM, {@code drain} long with readiness 503 while requests are still served (so that
 * the balancer takes it out first), then requests in flight get up to {@code stopTimeout} to finish.
 */
public record ReplicaSettings(Duration drain, Duration stopTimeout) {
    public static ReplicaSettings defaults() {
        return new ReplicaSettings(Duration.ZERO, Duration.ofSeconds(30));
    }

    public ReplicaSettings withDrain(Duration d) {
        return new ReplicaSettings(d, stopTimeout);
    }
}
