package org.w3id.ftkg.serve.html;

/** A fact no longer in the served data: the last release that had it, and where that release still serves it. */
public record GonePage(String iri, String id, String lastVersion, String lastIssued, String lastHref) implements Page {}
