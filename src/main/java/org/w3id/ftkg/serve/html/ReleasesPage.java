package org.w3id.ftkg.serve.html;

import java.util.List;

/** The releases the server holds, newest first. */
public record ReleasesPage(List<Release> releases) implements Page {
    /**
     * One release and its DCAT description: {@code changesHref}, {@code summary} and {@code patchHref}
     * are null for a release without a held predecessor; {@code current} when the default routes serve it.
     */
    public record Release(String version, String iri, String issued, String previous, String commit, int facts, boolean current,
                          String endpoint, String queryHref, String descriptionHref, String notesHref, String changesHref,
                          String summary, String patchHref, String hashesHref) {}
}
