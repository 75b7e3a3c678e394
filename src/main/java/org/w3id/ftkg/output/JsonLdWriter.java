package org.w3id.ftkg.output;

import java.io.OutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.XSD;

/**
 * Expanded JSON-LD 1.1 streamed: an object per run of one graph, and per run of one subject. Jena's writers hold
 * the whole dataset; a processor merges objects with the same {@code @id}, so a subject coming back is harmless.
 */
public final class JsonLdWriter extends TextWriter {
    private Node graph;
    private Node subject;
    private Node predicate;
    private boolean anyGraph;

    public JsonLdWriter(OutputStream out) {
        super(out);
    }

    @Override
    public void start() {
        sb.append("{\n  \"@graph\": [");
    }

    @Override
    public void triple(Triple t) {
        quad(Quad.create(Quad.defaultGraphIRI, t));
    }

    @Override
    public void quad(Quad q) {
        Node g = q.isDefaultGraph() ? Quad.defaultGraphIRI : q.getGraph();
        if (!g.equals(graph)) {
            endGraph();
            spill();
            sb.append(anyGraph ? ",\n    " : "\n    ");
            anyGraph = true;
            graph = g;
            // Triples of the default graph are a graph object without an @id: still the default graph.
            if (!g.equals(Quad.defaultGraphIRI))
                id(g).append(", \"@graph\": [");
            else
                sb.append("{ \"@graph\": [");
        }
        if (!q.getSubject().equals(subject)) {
            endSubject();
            sb.append(subject == null ? "\n      " : ",\n      ");
            subject = q.getSubject();
            id(subject);
        }
        if (!q.getPredicate().equals(predicate)) {
            if (predicate != null)
                sb.append(']');
            predicate = q.getPredicate();
            sb.append(",\n        ");
            string(predicate.getURI());
            sb.append(": [");
        } else
            sb.append(", ");
        object(q.getObject());
    }

    private void object(Node o) {
        if (!o.isLiteral()) {
            id(o).append(" }");
            return;
        }
        sb.append("{ \"@value\": ");
        string(o.getLiteralLexicalForm());
        String lang = o.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
            sb.append(", \"@language\": ");
            string(lang);
        } else if (!XSD.xstring.getURI().equals(o.getLiteralDatatypeURI())) {
            sb.append(", \"@type\": ");
            string(o.getLiteralDatatypeURI());
        }
        sb.append(" }");
    }

    private StringBuilder id(Node n) {
        sb.append("{ \"@id\": ");
        string(n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.getURI());
        return sb;
    }

    /** A JSON string (RFC 8259 escapes). */
    private void string(String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && s.charAt(plain) >= 0x20 && s.charAt(plain) != '"' && s.charAt(plain) != '\\')
            plain++;
        sb.append(s, 0, plain); // most strings need no escape
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        sb.append('"');
    }

    private void endSubject() {
        if (subject == null)
            return;
        sb.append("] }");
        predicate = null;
    }

    private void endGraph() {
        if (graph == null)
            return;
        endSubject();
        sb.append("\n    ] }");
        subject = null;
        graph = null;
    }

    @Override
    public void finish() {
        endGraph();
        sb.append(anyGraph ? "\n  ]\n}\n" : "]\n}\n");
        flushAll();
    }
}
