package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/** Small response helpers shared by the servlets. */
final class Http {
    private Http() {}

    static void send(HttpServletResponse res, int status, String contentType, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType(contentType);
        res.setCharacterEncoding("utf-8");
        res.setContentLength(b.length);
        res.getOutputStream().write(b);
    }

    /** How long a request waits for start-up work (an index being built), and when it is told to come back. */
    static final int WARMING_WAIT_SECONDS = 30, RETRY_AFTER_SECONDS = 5;

    /**
     * The result of start-up work, waited for at most {@link #WARMING_WAIT_SECONDS}; past that, the
     * request is answered 503 with {@code Retry-After} (never a partial or empty answer) and null returned.
     *
     * @param what what is being prepared, for the message ("the search index is still being built")
     */
    static <T> T awaitWarming(java.util.concurrent.CompletableFuture<T> work, HttpServletResponse res, String what)
        throws IOException {
        try {
            return work.get(WARMING_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            res.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            send(res, 503, "text/plain;charset=utf-8", what + "; retry in a few seconds\n");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("start-up work failed: " + what, e.getCause());
        }
    }

    /** A graph in an RDF format, with this status. */
    static void rdf(HttpServletResponse res, int status, org.apache.jena.graph.Graph g, org.apache.jena.riot.RDFFormat format)
        throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        org.apache.jena.riot.RDFDataMgr.write(out, g, format);
        res.setStatus(status);
        res.setContentType(LinkedDataServlet.contentType(format));
        res.setContentLength(out.size());
        out.writeTo(res.getOutputStream());
    }

    static void html(HttpServletResponse res, String html) throws IOException {
        send(res, 200, "text/html;charset=utf-8", html);
    }

    static void notFound(HttpServletResponse res, String what) throws IOException {
        send(res, 404, "text/plain;charset=utf-8", "Not found: " + what + "\n");
    }
}
