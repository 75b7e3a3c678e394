package org.w3id.ftkg.curation;

import java.util.List;

import org.w3id.ftkg.diagnostics.Location;

/** The values written under one property key of a node. */
public record PropertyValues(String property, List<Located<String>> values, Location at) {}
