package org.w3id.ftkg.serve.html;

import org.apache.commons.text.StringEscapeUtils;
import org.apache.jena.graph.Node;
import org.w3id.ftkg.model.Iris;

/** The page frame and escaping. Every data value reaches HTML through {@link #esc}. */
public final class Html {
    private Html() {}

    public static String esc(String s) {
        return s == null ? "" : StringEscapeUtils.escapeHtml4(s).replace("'", "&#39;");
    }

    /** Where an FTKG IRI lives on this server (/id/..., /fact/..., /source/...); other IRIs stay as they are. */
    public static String localHref(String iri) {
        if (iri.startsWith(Iris.BASE)) {
            String path = iri.substring(Iris.BASE.length() - 1);
            if (path.startsWith("/id/") || path.startsWith("/fact/") || path.startsWith("/source/"))
                return path;
        }
        return iri;
    }

    public static String link(Node n, String label) {
        if (n.isURI())
            return "<a href=\"" + esc(localHref(n.getURI())) + "\">" + esc(label) + "</a>";
        return esc(label);
    }

    public static String page(String title, String body, String... scripts) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>").append(esc(title)).append(" · FTKG</title>\n")
            .append("<link rel=\"stylesheet\" href=\"/static/ftkg.css\">\n");
        for (String s : scripts)
            b.append("<script src=\"/static/").append(esc(s)).append("\" defer></script>\n");
        b.append("</head>\n<body>\n<header><nav>")
            .append("<a class=\"brand\" href=\"/\">FTKG</a>")
            .append("<a href=\"/sparql\">Query</a><a href=\"/sources\">Sources</a>")
            .append("<a href=\"/timeline\">Timeline</a><a href=\"/network\">Network</a>")
            .append("<a href=\"/dumps/\">Downloads</a><a href=\"/.well-known/void\">VoID</a>")
            .append("</nav></header>\n<main>\n")
            .append(body)
            .append("\n</main>\n<footer>Curated data CC BY 4.0. Source texts belong to their publishers and are shown only so that every quote can be checked.</footer>\n</body>\n</html>\n");
        return b.toString();
    }
}
