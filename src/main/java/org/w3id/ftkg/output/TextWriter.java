package org.w3id.ftkg.output;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.commons.io.function.Uncheck;
import org.apache.jena.riot.system.StreamRDFBase;

/** RDF text built in a {@link StringBuilder}, written as UTF-8 in blocks between statements (never mid-pair). */
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
        Uncheck.run(out::flush);
    }

    final void write(byte[] bytes) {
        Uncheck.accept(out::write, bytes);
    }

    private void write() {
        write(sb.toString().getBytes(StandardCharsets.UTF_8));
        sb = new StringBuilder(BLOCK + 4096); // not reused: one non-Latin-1 character would make it UTF-16 for good
    }
}
