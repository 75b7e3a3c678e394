package org.w3id.ftkg.serve.html;

/** One triple with labels: subject, the predicate's label, and the object. */
public record Statement(Link subject, String predicate, Value object) {}
