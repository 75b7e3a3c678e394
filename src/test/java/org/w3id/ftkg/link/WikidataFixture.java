package org.w3id.ftkg.link;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.w3id.ftkg.TestProject;

/**
 * A second embedded Fuseki on a free loopback port that stands in for Wikidata's query service,
 * loaded with a small fixture, and able to misbehave on demand: answer 429 a number of times,
 * or answer slowly. It also records the User-Agent it was sent.
 */
public final class WikidataFixture implements AutoCloseable {
    public final AtomicInteger tooManyRequests = new AtomicInteger();
    public final AtomicLong delayMillis = new AtomicLong();
    public final AtomicInteger requests = new AtomicInteger();
    public volatile String lastUserAgent;
    private final FusekiServer server;

    public WikidataFixture() {
        Dataset ds = DatasetFactory.createTxnMem();
        RDFDataMgr.read(ds, TestProject.ROOT.resolve("src/test/resources/wikidata/fixture.ttl").toString());
        server = FusekiServer.create().port(0).loopback(true).add("/wd", ds, false)
            .addFilter("/wd/*", new Misbehave()).build().start();
    }

    public String endpoint() {
        return "http://localhost:" + server.getHttpPort() + "/wd/sparql";
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Misbehave implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            requests.incrementAndGet();
            lastUserAgent = ((HttpServletRequest) req).getHeader("User-Agent");
            if (tooManyRequests.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                HttpServletResponse r = (HttpServletResponse) res;
                r.setStatus(429);
                r.setHeader("Retry-After", "1");
                r.getWriter().write("Too many requests");
                return;
            }
            long d = delayMillis.get();
            if (d > 0) {
                try {
                    Thread.sleep(d);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            chain.doFilter(req, res);
        }
    }
}
