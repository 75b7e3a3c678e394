package org.w3id.ftkg.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Holds SPARQL results back until the query has finished, so that a client never receives a
 * truncated 200: Fuseki streams results, and a timeout after the first row would otherwise cut
 * a JSON document in half. A timed-out query answers 503, an oversized result 413, each with a
 * plain message; everything else passes through unchanged.
 */
public final class BufferedResultsFilter implements Filter {
    private static final byte[] CANCELLED_MARK = "Query cancelled due to timeout".getBytes(StandardCharsets.US_ASCII);

    private final long maxBytes;

    public BufferedResultsFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) res;
        Buffering wrapper = new Buffering(response, maxBytes);
        try {
            chain.doFilter(req, wrapper);
        } catch (TooLarge e) {
            plain(response, 413, "The result is larger than this endpoint returns (" + maxBytes
                + " bytes). Add a LIMIT, or download the dumps from /dumps/.");
            return;
        }
        if (wrapper.tooLarge) {
            plain(response, 413, "The result is larger than this endpoint returns (" + maxBytes
                + " bytes). Add a LIMIT, or download the dumps from /dumps/.");
            return;
        }
        byte[] body = wrapper.body.toByteArray();
        if (wrapper.errorSent)
            return;
        if (contains(body, CANCELLED_MARK)) {
            plain(response, 503, "Query timed out before it finished; no partial results are returned. "
                + "Narrow the query or add a LIMIT.");
            return;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        byte[] b = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(b.length);
        response.getOutputStream().write(b);
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        // The mark is appended at the end; search only the tail.
        int from = Math.max(0, hay.length - 512);
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++)
                if (hay[i + j] != needle[j])
                    continue outer;
            return true;
        }
        return false;
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("result too large");
        }
    }

    private static final class Buffering extends HttpServletResponseWrapper {
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        final long max;
        boolean tooLarge;
        boolean errorSent;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Buffering(HttpServletResponse response, long max) {
            super(response);
            this.max = max;
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
            if (body.size() + (long) more > max) {
                tooLarge = true;
                throw new TooLarge(); // stops the query: Fuseki treats it like a client gone
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
