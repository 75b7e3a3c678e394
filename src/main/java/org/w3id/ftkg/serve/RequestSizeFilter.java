package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies over a bound (413) before they are read into memory: a SPARQL query or
 * update is text of a few kilobytes, and a client streaming gigabytes must not be buffered.
 * A body without Content-Length (chunked) is cut off at the same bound.
 */
public final class RequestSizeFilter implements Filter {
    public static final long DEFAULT_MAX_BYTES = 1 << 20;

    private final long maxBytes;

    public RequestSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            HttpServletResponse response = (HttpServletResponse) res;
            response.setStatus(413);
            response.setContentType("text/plain;charset=utf-8");
            response.setHeader("Connection", "close");
            response.getOutputStream().write(("The request body is larger than this endpoint accepts (" + maxBytes
                + " bytes).\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(declared >= 0 ? req : new Bounded(request, maxBytes), res);
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream in;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                ServletInputStream raw = super.getInputStream();
                in = new ServletInputStream() {
                    long read;

                    @Override
                    public int read() throws IOException {
                        int b = raw.read();
                        if (b >= 0 && ++read > max)
                            throw new IOException("request body larger than " + max + " bytes");
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = raw.read(b, off, len);
                        if (n > 0 && (read += n) > max)
                            throw new IOException("request body larger than " + max + " bytes");
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return raw.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return raw.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener l) {
                        raw.setReadListener(l);
                    }
                };
            }
            return in;
        }
    }
}
