package org.w3id.ftkg.curation;

import org.w3id.ftkg.diagnostics.Location;

/** A date as curated: an ISO value at the text's precision and/or the text's own words. */
public record DateSpec(String value, String text, boolean inferred, Location at) {}
