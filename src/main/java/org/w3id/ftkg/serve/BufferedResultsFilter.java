package org.w3id.ftkg.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds SPARQL results back until the query has finished, so that no client gets a truncated 200 (Fuseki streams):
 * a timed-out query answers 503, an oversized result 413, each with a plain message; the rest passes unchanged.
 */
public final class BufferedResultsFilter extends HttpFilter {
    private static final String CANCELLED_MARK = "Query cancelled due to timeout";

    private final long maxBytes;

    public BufferedResultsFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        Buffering wrapper = new Buffering(response);
        try {
            chain.doFilter(req, wrapper);
        } catch (IOException e) {
            if (!wrapper.tooLarge)
                throw e;
        }
        byte[] body = wrapper.body.toByteArray();
        int from = Math.max(0, body.length - 512); // the mark is appended at the end: only the tail is searched
        if (wrapper.tooLarge) {
            response.reset();
            Http.send(response, 413, "text/plain;charset=utf-8", "The result is larger than this endpoint returns ("
                + maxBytes + " bytes). Add a LIMIT, or download the dumps from /dumps/.\n");
        } else if (wrapper.errorSent)
            return;
        else if (new String(body, from, body.length - from, StandardCharsets.ISO_8859_1).contains(CANCELLED_MARK)) {
            response.reset();
            Http.send(response, 503, "text/plain;charset=utf-8", "Query timed out before it finished; "
                + "no partial results are returned. Narrow the query or add a LIMIT.\n");
        } else {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private final class Buffering extends HttpServletResponseWrapper {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean tooLarge;
        boolean errorSent;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Buffering(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null)
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        check(1);
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        check(len);
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener l) {}
                };
            return stream;
        }

        void check(int more) throws IOException {
            if (body.size() + (long) more > maxBytes) {
                tooLarge = true;
                throw new IOException("result too large"); // stops the query: Fuseki treats it like a client gone
            }
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null)
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null)
                writer.flush();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            errorSent = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            errorSent = true;
            super.sendError(sc);
        }

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            super.reset();
        }
    }
}
