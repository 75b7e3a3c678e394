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

    static void html(HttpServletResponse res, String html) throws IOException {
        send(res, 200, "text/html;charset=utf-8", html);
    }

    static void notFound(HttpServletResponse res, String what) throws IOException {
        send(res, 404, "text/plain;charset=utf-8", "Not found: " + what + "\n");
    }
}
