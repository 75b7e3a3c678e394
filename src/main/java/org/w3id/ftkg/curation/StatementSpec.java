package org.w3id.ftkg.curation;

import org.w3id.ftkg.diagnostics.Location;

/** A plain triple: {@code o} (a reference) or {@code v} (a literal, with optional {@code lang}). */
public record StatementSpec(String s, String p, String o, String v, String lang, Location at) {}
