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
