package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.w3id.ftkg.output.Dumps;

/** {@code /.well-known/void}: the VoID + DCAT description of the dumps, as Turtle (or JSON-LD / N-Triples by Accept). */
public final class VoidServlet extends HttpServlet {
    private final Path dist;

    public VoidServlet(Path dist) {
        this.dist = dist;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Path v = dist.resolve(Dumps.VOID);
        res.setHeader("Vary", "Accept");
        res.setHeader("Access-Control-Allow-Origin", "*");
        if (!Files.isRegularFile(v)) {
            Http.notFound(res, "the VoID description (run `ftkg build` to write dist/)");
            return;
        }
        RDFFormat format = LinkedDataServlet.negotiate(req.getHeader("Accept"));
        if (format == null || format == RDFFormat.TURTLE_PRETTY) {
            Http.send(res, 200, "text/turtle;charset=utf-8", Files.readString(v));
            return;
        }
        Graph g = RDFDataMgr.loadGraph(v.toString());
        Http.rdf(res, 200, g, format);
    }
}
