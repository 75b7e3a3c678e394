package org.w3id.ftkg.source;

/** Where a quote sits: code-point offsets [start, end), its first line and the context either side. */
public record QuoteMatch(SourceText source, String exact, int start, int end, int line, String prefix, String suffix) {}
