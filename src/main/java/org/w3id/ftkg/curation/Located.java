package org.w3id.ftkg.curation;

import org.w3id.ftkg.validate.Location;

/** A value together with where it was written. */
public record Located<T>(T value, Location at) {}
