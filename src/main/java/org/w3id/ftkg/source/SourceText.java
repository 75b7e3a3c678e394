package org.w3id.ftkg.source;

import java.util.ArrayList;
import java.util.List;

/** A source's text, addressed in code points (as RFC 5147 and Web Annotation selectors are), not UTF-16 indices. */
public record SourceText(String fileName, String text, String sha256, long byteSize) {
    /** The file name without its extension: the {stem} of the source IRI. */
    public String stem() {
        return stem(fileName);
    }

    public static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    public int codePointLength() {
        return text.codePointCount(0, text.length());
    }

    /** UTF-16 start indices of every occurrence of {@code quote}. */
    public List<Integer> occurrences(String quote) {
        List<Integer> out = new ArrayList<>();
        for (int i = quote.isEmpty() ? -1 : text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1))
            out.add(i);
        return out;
    }

    public int toCodePoints(int utf16Index) {
        return text.codePointCount(0, utf16Index);
    }

    /** 1-based line of a UTF-16 index. */
    public int lineOf(int utf16Index) {
        return 1 + (int) text.chars().limit(utf16Index).filter(c -> c == '\n').count();
    }

    /** The text between two code-point offsets. */
    public String slice(int startCp, int endCp) {
        return text.substring(text.offsetByCodePoints(0, startCp), text.offsetByCodePoints(0, endCp));
    }
}
