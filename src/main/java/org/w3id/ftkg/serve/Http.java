package org.w3id.ftkg.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;

/** Small response helpers shared by the servlets. */
final class Http {
    /** How long a request waits for start-up work (an index being built), and when it is told to come back. */
    static final int WARMING_WAIT_SECONDS = 30, RETRY_AFTER_SECONDS = 5;

    private Http() {}

    static void send(HttpServletResponse res, int status, String contentType, String body) throws IOException {
        send(res, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpServletResponse res, int status, String contentType, byte[] body) throws IOException {
        res.setStatus(status);
        res.setContentType(contentType);
        res.setCharacterEncoding("utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    /**
     * The result of start-up work, waited for at most {@link #WARMING_WAIT_SECONDS}; past that, a 503 with
     * {@code Retry-After} (never a partial answer) and null. {@code what} is being prepared, for the message.
     */
    static <T> T awaitWarming(CompletableFuture<T> work, HttpServletResponse res, String what) throws IOException {
        try {
            return work.get(WARMING_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            res.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            send(res, 503, "text/plain;charset=utf-8", what + "; retry in a few seconds\n");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("start-up work failed: " + what, e.getCause());
        }
    }

    /** A graph in an RDF format, with this status. */
    static void rdf(HttpServletResponse res, int status, Graph g, RDFFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, format);
        send(res, status, LinkedDataServlet.contentType(format), out.toByteArray());
    }

    static void html(HttpServletResponse res, String html) throws IOException {
        send(res, 200, "text/html;charset=utf-8", html);
    }

    static void notFound(HttpServletResponse res, String what) throws IOException {
        send(res, 404, "text/plain;charset=utf-8", "Not found: " + what + "\n");
    }
}
