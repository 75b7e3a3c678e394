package org.w3id.ftkg.serve.html;

import java.util.List;

/** A fact as a list shows it: the statements it supports, and its evidence. */
public record FactCard(Evidence evidence, List<Statement> statements) {}
