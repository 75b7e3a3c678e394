package org.w3id.ftkg.curation;

import java.util.List;

import org.w3id.ftkg.diagnostics.Location;

/** A named thing as curated in {@code data/entities/*.yaml}. */
public record EntityRecord(String slug, String type, String label, String labelEs, List<String> aliases,
                           String wikidata, String wikidataNote, String description, Location at) {}
