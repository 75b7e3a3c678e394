package org.w3id.ftkg.replica;

import java.time.Duration;

/**
 * How a replica stops.
 *
 * @param drain       after SIGTERM, how long readiness answers 503 while requests are still served,
 *                    so that the balancer's health checks take the replica out before it closes
 * @param stopTimeout how long requests already in flight may take to finish once the server stops
 */
public record ReplicaSettings(Duration drain, Duration stopTimeout) {
    public static ReplicaSettings defaults() {
        return new ReplicaSettings(Duration.ZERO, Duration.ofSeconds(30));
    }

    public ReplicaSettings withDrain(Duration d) {
        return new ReplicaSettings(d, stopTimeout);
    }
}
