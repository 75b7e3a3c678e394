package org.w3id.ftkg.curation;

import org.w3id.ftkg.diagnostics.Location;

/** Misspelled text inside a quote and what it means. */
public record Misspelling(String text, String intended, Location at) {}
