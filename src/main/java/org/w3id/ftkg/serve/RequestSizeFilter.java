package org.w3id.ftkg.serve;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.lang3.ArrayUtils;

/**
 * Reads each body itself, counting bytes whatever the headers say (Content-Length or chunked), 413 past the bound;
 * parameters are decoded strictly, so that malformed percent-encoding is a 400 here, not a 500 inside Fuseki.
 */
public final class RequestSizeFilter extends HttpFilter {
    public static final long DEFAULT_MAX_BYTES = 1 << 20;
    private static final String FORM = "application/x-www-form-urlencoded";

    private final int maxBytes;

    public RequestSizeFilter(long maxBytes) {
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 1);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws IOException, ServletException {
        long declared = request.getContentLengthLong();
        boolean read = declared <= maxBytes && (declared > 0 || request.getHeader("Transfer-Encoding") != null);
        byte[] body = read ? request.getInputStream().readNBytes(maxBytes + 1) : new byte[0];
        if (declared > maxBytes || body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        Map<String, String[]> params = new LinkedHashMap<>();
        try {
            decode(request.getQueryString(), params);
            String type = request.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM))
                decode(new String(body, StandardCharsets.UTF_8), params);
        } catch (IllegalArgumentException e) {
            Http.send(response, 400, "text/plain;charset=utf-8",
                "Malformed percent-encoding in the request's parameters: " + e.getMessage() + "\n");
            return;
        }
        chain.doFilter(new Buffered(request, body, params), response);
    }

    /**
     * Answers 413, then discards what the client still sends (bounded in bytes and time) before the connection
     * closes: a client that writes its whole body before reading would otherwise meet a TCP reset, the 413 unread.
     */
    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        Http.send(response, 413, "text/plain;charset=utf-8",
            "The request body is larger than this endpoint accepts (" + maxBytes + " bytes).\n");
        response.flushBuffer();
        linger(request.getInputStream());
    }

    static final long LINGER_BYTES = 64L << 20;
    static final long LINGER_NANOS = 5_000_000_000L;

    private static void linger(InputStream in) {
        byte[] sink = new byte[64 << 10];
        long read = 0, start = System.nanoTime();
        try {
            for (int n; read < LINGER_BYTES && System.nanoTime() - start < LINGER_NANOS && (n = in.read(sink)) >= 0; )
                read += n;
        } catch (IOException | RuntimeException e) {
            // The client went away or the body was malformed: nothing more to wait for.
        }
    }

    private static void decode(String s, Map<String, String[]> into) {
        if (s == null || s.isEmpty())
            return;
        for (String pair : s.split("&")) {
            if (pair.isEmpty())
                continue;
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.merge(name, new String[] { value }, ArrayUtils::addAll);
        }
    }

    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;
        private final Map<String, String[]> params;

        Buffered(HttpServletRequest request, byte[] body, Map<String, String[]> params) {
            super(request);
            this.body = body;
            this.params = params;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener l) {}
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getParameter(String name) {
            String[] v = params.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Collections.unmodifiableMap(params);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(params.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return params.get(name);
        }
    }
}
