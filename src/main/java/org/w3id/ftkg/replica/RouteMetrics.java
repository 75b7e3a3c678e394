package org.w3id.ftkg.replica;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.fuseki.metrics.MetricsProvider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Per-route request metrics in Fuseki's Prometheus registry: {@code ftkg_http_requests_seconds} (count, sum and
 * latency buckets by route, method and status class), {@code ftkg_http_timeouts_total} (503: a query that ran out of
 * time) and {@code ftkg_http_errors_total} (any other 5xx). Routes are the server's fixed route names, never raw
 * paths, so the number of series stays bounded.
 */
final class RouteMetrics extends HttpFilter {
    /** Route prefixes, longest first; a path matching none is "other". */
    private static final List<String> ROUTES = List.of("/ftkg/sparql", "/ftkg/query", "/ftkg/get", "/ftkg/update",
        "/ftkg", "/.well-known/void", "/$/ready", "/$/live", "/$/metrics", "/$/ping", "/$", "/id/", "/fact/",
        "/source/", "/dumps/", "/static/", "/timeline", "/network", "/sources", "/search", "/ontology",
        "/releases/", "/v/", "/sparql");
    /** Latency buckets (Prometheus histogram), up to the 5 s query timeout and beyond. */
    private static final Duration[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000)
        .map(Duration::ofMillis).toArray(Duration[]::new);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
        throws IOException, ServletException {
        // Fuseki puts its registry in the servlet context before filters start.
        MetricsProvider provider = MetricsProvider.getMetricsProvider(getServletContext());
        if (provider == null) {
            chain.doFilter(req, resp);
            return;
        }
        MeterRegistry registry = provider.getMeterRegistry();
        long t0 = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(req, resp);
            status = resp.getStatus();
        } finally {
            String route = route(req.getRequestURI());
            Timer.builder("ftkg.http.requests").description("HTTP requests by route")
                .tags("route", route, "method", req.getMethod(), "status", (status / 100) + "xx")
                .serviceLevelObjectives(BUCKETS).register(registry).record(Duration.ofNanos(System.nanoTime() - t0));
            if (status == 503 && !route.startsWith("/$"))
                Counter.builder("ftkg.http.timeouts").description("Requests answered 503 (query timeout)")
                    .tag("route", route).register(registry).increment();
            else if (status >= 500 && !route.startsWith("/$"))
                Counter.builder("ftkg.http.errors").description("Requests answered 5xx other than a timeout")
                    .tag("route", route).register(registry).increment();
        }
    }

    static String route(String uri) {
        if (uri == null || uri.equals("/") || uri.isEmpty() || uri.equals("/index.html"))
            return "/";
        for (String r : ROUTES)
            if (uri.equals(r) || uri.startsWith(r.endsWith("/") ? r : r + "/") || (r.endsWith("/") && uri.equals(r.substring(0, r.length() - 1))))
                return r;
        return "other";
    }
}
