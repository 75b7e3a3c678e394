package org.w3id.ftkg.link;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.commons.io.IOUtils;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * A polite SPARQL client for a public endpoint such as Wikidata's: it names itself in the
 * User-Agent, keeps to a request rate, retries 429 and 503 with back-off (honouring
 * Retry-After), and gives up after a timeout with a message a person can act on.
 */
public final class SparqlClient {
    public static final String USER_AGENT =
        "FTKG-link/0.1 (https://w3id.org/ftkg/; Fentanyl Trafficking Knowledge Graph curation tool) Java-HttpClient";

    /** The endpoint could not be used; the message says why. */
    public static final class EndpointException extends IOException {
        public EndpointException(String message) {
            super(message);
        }
    }

    private final URI endpoint;
    private final Duration timeout;
    private final long minIntervalMillis;
    private final int maxAttempts;
    private final HttpClient http;
    private long lastRequest;

    /** At most {@code requestsPerSecond} requests (Wikidata asks for restraint), {@code maxAttempts} on 429 or 503. */
    public SparqlClient(URI endpoint, Duration timeout, double requestsPerSecond, int maxAttempts) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.minIntervalMillis = (long) Math.ceil(1000.0 / requestsPerSecond);
        this.maxAttempts = maxAttempts;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Runs a SELECT query and returns its rows. */
    public List<QuerySolution> select(String query) throws EndpointException {
        HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(timeout).headers("User-Agent", USER_AGENT,
                "Accept", "application/sparql-results+json", "Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
            .build();
        long backoff = 1000;
        for (int attempt = 1; ; attempt++) {
            pace();
            HttpResponse<String> res;
            try {
                res = http.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                throw new EndpointException("cannot reach " + endpoint + " (" + describe(e)
                    + "). Are you offline? Linking needs the endpoint; nothing was changed.");
            } catch (HttpTimeoutException e) {
                throw new EndpointException(endpoint + " did not answer within " + timeout.toSeconds()
                    + " s; try again later or raise --timeout. Nothing was changed.");
            } catch (IOException e) {
                throw new EndpointException("cannot reach " + endpoint + " (" + describe(e) + "). Nothing was changed.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndpointException("interrupted");
            }
            int sc = res.statusCode();
            if (sc == 200)
                return ResultSetFormatter.toList(ResultSetMgr.read(IOUtils.toInputStream(res.body(), StandardCharsets.UTF_8),
                    ResultSetLang.RS_JSON));
            if (sc != 429 && sc != 503)
                throw new EndpointException(endpoint + " answered HTTP " + sc + ": " + res.body().lines().findFirst().orElse(""));
            if (attempt >= maxAttempts)
                throw new EndpointException(endpoint + " keeps answering " + sc + " (too many requests or unavailable) after "
                    + attempt + " attempts; wait and try again. Nothing was changed.");
            sleep(Math.min(retryAfterMillis(res, backoff), 60_000));
            backoff = Math.min(backoff * 2, 60_000);
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long retryAfterMillis(HttpResponse<?> res, long otherwise) {
        try {
            return res.headers().firstValue("Retry-After").map(v -> Long.parseLong(v.trim()) * 1000).orElse(otherwise);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private synchronized void pace() {
        long wait = lastRequest + minIntervalMillis - System.currentTimeMillis();
        if (wait > 0)
            sleep(wait);
        lastRequest = System.currentTimeMillis();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
