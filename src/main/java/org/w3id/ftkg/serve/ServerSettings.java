package org.w3id.ftkg.serve;

import java.nio.file.Path;
import java.util.List;

import org.w3id.ftkg.serve.guard.QueryLimits;

/**
 * How to run the server; made by {@link Builder}, which starts from the defaults (dist/ under the project,
 * loopback, port 3030, the timeout of fuseki-config/ftkg.ttl, 64 MiB results, SERVICE to Wikidata only).
 *
 * @param host             "localhost" (loopback only) or "0.0.0.0" (all interfaces)
 * @param port             0 for any free port
 * @param timeoutMillis    query timeout; null to take the one in fuseki-config/ftkg.ttl
 * @param maxResultBytes   the largest SPARQL result returned; larger ones get 413
 * @param serviceAllowList the only endpoints SERVICE may call
 * @param update           credentials enabling the update endpoint, or null for a read-only server
 * @param tdb2             a TDB2 database to serve instead of loading dist/ into memory, or null
 * @param limits           what one query may do besides running out of time (regex, strings, DESCRIBE, log)
 * @param releases         a folder of releases to hold, or null: the newest is served at the default routes
 *                         (unless tdb2 is given), every one under /v/VERSION/
 */
public record ServerSettings(Path project, Path dist, String host, int port, Long timeoutMillis, long maxResultBytes,
                             List<String> serviceAllowList, Credentials update, Path tdb2, QueryLimits limits,
                             Path releases) {

    /** A user and password for HTTP basic authentication; the password never appears in logs or toString. */
    public record Credentials(String user, String password) {
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }

    public static Builder builder(Path project) {
        return new Builder(project);
    }

    public static final class Builder {
        private final Path project;
        private Path dist;
        private String host = "localhost";
        private int port = 3030;
        private Long timeoutMillis;
        private long maxResultBytes = 64L * 1024 * 1024;
        private List<String> serviceAllowList = List.of(ServiceAllowList.WIKIDATA);
        private Credentials update;
        private Path tdb2;
        private QueryLimits limits = QueryLimits.defaults();
        private Path releases;

        private Builder(Path project) {
            this.project = project;
            this.dist = project.resolve("dist");
        }

        public Builder dist(Path d) { dist = d; return this; }

        public Builder host(String h) { host = h; return this; }

        public Builder port(int p) { port = p; return this; }

        public Builder timeout(Long ms) { timeoutMillis = ms; return this; }

        public Builder maxResultBytes(long b) { maxResultBytes = b; return this; }

        public Builder serviceAllowList(List<String> l) { serviceAllowList = List.copyOf(l); return this; }

        public Builder update(Credentials c) { update = c; return this; }

        public Builder tdb2(Path dir) { tdb2 = dir; return this; }

        public Builder limits(QueryLimits l) { limits = l; return this; }

        public Builder releases(Path dir) { releases = dir; return this; }

        public ServerSettings build() {
            return new ServerSettings(project, dist, host, port, timeoutMillis, maxResultBytes, serviceAllowList, update,
                tdb2, limits, releases);
        }
    }
}
