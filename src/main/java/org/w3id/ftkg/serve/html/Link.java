package org.w3id.ftkg.serve.html;

import org.w3id.ftkg.model.Iris;

/** Something a page names: its label, and where its page is ({@code href} null when it has none). */
public record Link(String href, String label) {
    /** A link to an IRI: FTKG's own IRIs open on this server, others as they are. */
    public static Link to(String iri, String label) {
        return new Link(localHref(iri), label);
    }

    /** Where an FTKG IRI lives on this server (under /v/VERSION on an older release's pages); others as they are. */
    public static String localHref(String iri) {
        if (iri.startsWith(Iris.BASE)) {
            String path = iri.substring(Iris.BASE.length() - 1);
            if (path.startsWith("/id/") || path.startsWith("/fact/") || path.startsWith("/source/"))
                return Pages.served().base() + path;
        }
        return iri;
    }
}
