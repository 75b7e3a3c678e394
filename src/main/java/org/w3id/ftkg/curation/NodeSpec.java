package org.w3id.ftkg.curation;

import java.util.List;
import java.util.Map;

import org.w3id.ftkg.diagnostics.Location;

/** An event, tenure, statistic or assertion described by a fact. */
public record NodeSpec(String id, String type, String label, String description, Map<String, DateSpec> dates,
                       String status, List<QuantitySpec> quantities, List<StatementSpec> content,
                       List<PropertyValues> properties, Location at) {}
