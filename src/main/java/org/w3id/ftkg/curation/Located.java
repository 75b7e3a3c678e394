package org.w3id.ftkg.curation;

import org.w3id.ftkg.diagnostics.Location;

/** A value together with where it was written. */
public record Located<T>(T value, Location at) {}
