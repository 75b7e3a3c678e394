package org.w3id.ftkg.serve.html;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.atlas.json.JsonBuilder;

/**
 * How to cite a fact or an entity (IRI, sources, a fact's quote and hash, the release) as a sentence, BibTeX and
 * CSL-JSON (what Zotero and Pandoc read); {@code path}: the page's, to which {@code .bib}, {@code .csl.json} are added.
 */
public record Citation(String key, String title, String iri, String path, List<Source> sources, String quote,
                       String hash, String release, String date, String accessed) {
    public static final String DATASET = "FTKG: Fentanyl Trafficking Knowledge Graph";

    /** A source document: its title (empty when the text gives none) and its file name. */
    public record Source(String title, String file) {
        public String name() {
            return title.isEmpty() ? file : title + " (" + file + ")";
        }
    }

    public String sourceNames() {
        return sources.stream().map(Source::name).collect(Collectors.joining("; "));
    }

    /** The citation as one sentence, for copying. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(title).append(". In ").append(DATASET).append(", release ").append(release).append(" (").append(date).append("). ")
            .append(iri).append('.');
        if (!hash.isEmpty())
            b.append(" Content hash ").append(hash).append('.');
        if (!quote.isEmpty())
            b.append(" Quote: “").append(quote).append("”.");
        if (!sources.isEmpty())
            b.append(sources.size() == 1 ? " Source: " : " Sources: ").append(sourceNames()).append('.');
        return b.append(" Accessed ").append(accessed).append('.').toString();
    }

    public String bibtex() {
        StringBuilder note = new StringBuilder();
        if (!hash.isEmpty())
            note.append("Content hash: ").append(hash).append(". ");
        if (!quote.isEmpty())
            note.append("Quote: ``").append(quote).append("''. ");
        if (!sources.isEmpty())
            note.append(sources.size() == 1 ? "Source: " : "Sources: ").append(sourceNames()).append('.');
        return "@misc{" + key + ",\n"
            + "  title = {" + tex(title) + "},\n"
            + "  author = {{" + tex(DATASET) + "}},\n"
            + "  howpublished = {" + tex(DATASET + ", release " + release) + "},\n"
            + "  version = {" + tex(release) + "},\n"
            + "  year = {" + date.substring(0, 4) + "},\n"
            + "  date = {" + date + "},\n"
            + "  url = {" + iri + "},\n"
            + "  urldate = {" + accessed + "},\n"
            + (note.isEmpty() ? "" : "  note = {" + tex(note.toString().trim()) + "},\n")
            + "}\n";
    }

    public String cslJson() {
        JsonBuilder b = JsonBuilder.create().startArray().startObject().pair("id", key).pair("type", "dataset")
            .pair("title", title).key("author").startArray().startObject().pair("literal", DATASET).finishObject()
            .finishArray().pair("container-title", DATASET).pair("publisher", DATASET).pair("version", release).pair("URL", iri);
        dateParts(b.key("issued"), date);
        dateParts(b.key("accessed"), accessed);
        if (!sources.isEmpty())
            b.pair("source", sourceNames());
        String note = (hash.isEmpty() ? "" : "Content hash: " + hash + ". ") + (quote.isEmpty() ? "" : "Quote: “" + quote + "”");
        if (!note.isEmpty())
            b.pair("note", note.strip());
        return b.finishObject().finishArray().build().toString();
    }

    /** CSL's form of a date: {@code {"date-parts": [[2026, 1, 2]]}}. */
    private static void dateParts(JsonBuilder b, String isoDate) {
        b.startObject().key("date-parts").startArray().startArray();
        for (String p : isoDate.split("-"))
            b.value(Integer.parseInt(p));
        b.finishArray().finishArray().finishObject();
    }

    /** Text in a BibTeX field: LaTeX's special characters escaped, so a quote cannot break the entry. */
    static String tex(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> b.append('\\').append(c);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
