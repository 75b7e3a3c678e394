package org.w3id.ftkg.curation;

import org.w3id.ftkg.diagnostics.Location;

/** A figure with its unit; min/max for a range, per for a rate. Numbers stay as written until modelled. */
public record QuantitySpec(String value, String min, String max, String unit, String of, String counted,
                           String qualifier, String per, Location at) {}
