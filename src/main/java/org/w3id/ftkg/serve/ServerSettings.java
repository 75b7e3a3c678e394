package org.w3id.ftkg.serve;

import java.nio.file.Path;
import java.util.List;

import org.w3id.ftkg.serve.guard.QueryLimits;

/**
 * How to run the server.
 *
 * @param project        the project folder (fuseki-config/, seeds/, queries/)
 * @param dist           the built dumps to serve (built in memory into a temporary folder if absent)
 * @param host           "localhost" (loopback only, the default) or "0.0.0.0" (all interfaces)
 * @param port           0 for any free port
 * @param timeoutMillis  query timeout; null to take the one in fuseki-config/ftkg.ttl
 * @param maxResultBytes the largest SPARQL result returned; larger ones get 413
 * @param serviceAllowList the only endpoints SERVICE may call
 * @param update         credentials enabling the update endpoint, or null for a read-only server
 * @param tdb2           a TDB2 database to serve instead of loading dist/ into memory, or null
 * @param limits         what one query may do besides running out of time (regex, strings, DESCRIBE, log)
 * @param releases       a folder of releases (made by {@code ftkg release}) to hold, or null for none: the newest is
 *                       served at the default routes (unless tdb2 is given), every one under /v/VERSION/
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

    public static ServerSettings defaults(Path project) {
        return new ServerSettings(project, project.resolve("dist"), "localhost", 3030, null, 64L * 1024 * 1024,
            List.of(ServiceAllowList.WIKIDATA), null, null, QueryLimits.defaults(), null);
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(project, dist, host, p, timeoutMillis, maxResultBytes, serviceAllowList, update, tdb2, limits, releases);
    }

    public ServerSettings withDist(Path d) {
        return new ServerSettings(project, d, host, port, timeoutMillis, maxResultBytes, serviceAllowList, update, tdb2, limits, releases);
    }

    public ServerSettings withTimeout(Long ms) {
        return new ServerSettings(project, dist, host, port, ms, maxResultBytes, serviceAllowList, update, tdb2, limits, releases);
    }

    public ServerSettings withMaxResultBytes(long b) {
        return new ServerSettings(project, dist, host, port, timeoutMillis, b, serviceAllowList, update, tdb2, limits, releases);
    }

    public ServerSettings withServiceAllowList(List<String> l) {
        return new ServerSettings(project, dist, host, port, timeoutMillis, maxResultBytes, l, update, tdb2, limits, releases);
    }

    public ServerSettings withUpdate(Credentials c) {
        return new ServerSettings(project, dist, host, port, timeoutMillis, maxResultBytes, serviceAllowList, c, tdb2, limits, releases);
    }

    public ServerSettings withHost(String h) {
        return new ServerSettings(project, dist, h, port, timeoutMillis, maxResultBytes, serviceAllowList, update, tdb2, limits, releases);
    }

    public ServerSettings withLimits(QueryLimits l) {
        return new ServerSettings(project, dist, host, port, timeoutMillis, maxResultBytes, serviceAllowList, update, tdb2, l, releases);
    }

    public ServerSettings withTdb2(Path dir) {
        return new ServerSettings(project, dist, host, port, timeoutMillis, maxResultBytes, serviceAllowList, update, dir, limits, releases);
    }

    public ServerSettings withReleases(Path dir) {
        return new ServerSettings(project, dist, host, port, timeoutMillis, maxResultBytes, serviceAllowList, update, tdb2, limits, dir);
    }
}
