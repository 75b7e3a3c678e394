package org.w3id.ftkg.curation;

import java.util.List;

import org.w3id.ftkg.diagnostics.Location;

/** The header of a facts file: which seed it covers and the metadata the text itself gives. */
public record SourceRecord(String file, Located<String> title, List<Located<String>> authors, String authorQuote,
                           Located<String> publisher, String publisherQuote, DateSpec date, String dateQuote,
                           Location at) {}
