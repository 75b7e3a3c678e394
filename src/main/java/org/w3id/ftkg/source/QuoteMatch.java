package org.w3id.ftkg.source;

/**
 * Where a quote sits in its source: code-point offsets [start, end), the line it starts on and
 * the context either side (for a Web Annotation TextQuoteSelector).
 */
public record QuoteMatch(SourceText source, String exact, int start, int end, int line, String prefix, String suffix) {}
