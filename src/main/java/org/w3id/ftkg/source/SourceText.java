package org.w3id.ftkg.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one source document, with quote lookup in Unicode code points (the unit of
 * RFC 5147 fragments and of Web Annotation text selectors), not Java's UTF-16 indices.
 */
public final class SourceText {
    private final String fileName;
    private final String text;
    private final String sha256;
    private final long byteSize;

    public SourceText(String fileName, String text, String sha256, long byteSize) {
        this.fileName = fileName;
        this.text = text;
        this.sha256 = sha256;
        this.byteSize = byteSize;
    }

    public String fileName() {
        return fileName;
    }

    public String text() {
        return text;
    }

    public String sha256() {
        return sha256;
    }

    public long byteSize() {
        return byteSize;
    }

    /** The file name without its extension: the {stem} of the source IRI. */
    public String stem() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    public int codePointLength() {
        return text.codePointCount(0, text.length());
    }

    /** UTF-16 start indices of every occurrence of {@code quote}. */
    public List<Integer> occurrences(String quote) {
        List<Integer> out = new ArrayList<>();
        if (quote.isEmpty())
            return out;
        for (int i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1))
            out.add(i);
        return out;
    }

    public int toCodePoints(int utf16Index) {
        return text.codePointCount(0, utf16Index);
    }

    public int toUtf16(int codePointIndex) {
        return text.offsetByCodePoints(0, codePointIndex);
    }

    /** 1-based line of a UTF-16 index. */
    public int lineOf(int utf16Index) {
        int line = 1;
        for (int i = 0; i < utf16Index && i < text.length(); i++)
            if (text.charAt(i) == '\n')
                line++;
        return line;
    }

    /** The text between two code-point offsets. */
    public String slice(int startCp, int endCp) {
        return text.substring(toUtf16(startCp), toUtf16(endCp));
    }
}
