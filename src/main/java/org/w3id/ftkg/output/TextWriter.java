package org.w3id.ftkg.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.riot.system.StreamRDFBase;

/**
 * A writer of RDF text: statements are built in a {@link StringBuilder} and written out as UTF-8
 * in blocks of some tens of kilobytes, always between statements (never inside a character pair).
 */
abstract class TextWriter extends StreamRDFBase {
    /** Text is written out in blocks of about this many chars. */
    static final int BLOCK = 1 << 15;
    StringBuilder sb = new StringBuilder(BLOCK + 4096);
    private final OutputStream out;

    TextWriter(OutputStream out) {
        this.out = out;
    }

    /** Between statements: writes the text so far if there is a block of it. */
    final void spill() {
        if (sb.length() >= BLOCK)
            write();
    }

    /** Writes the rest of the text and flushes (from {@link #finish}). */
    final void flushAll() {
        write();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final void write(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() {
        write(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb = new StringBuilder(BLOCK + 4096); // not reused: one non-Latin-1 character would make it UTF-16 for good
    }
}
