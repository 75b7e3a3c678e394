package org.w3id.ftkg.output;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.w3id.ftkg.model.Vocab;

/**
 * Pieces of dumps rendered independently (in parallel, one facts file each) and concatenated in a
 * fixed order, so that a dump never has to be held whole.
 *
 * <p>A Turtle or TriG dump is its {@link #header} (the prefix lines) followed by pieces that are
 * what Jena's streaming block writer writes after those lines ({@link #body} asks Jena itself;
 * {@link StreamingBlockWriter} writes the same bytes faster): the pieces concatenated after one
 * header are the bytes a single writer would have written for the same statements in that order.
 *
 * <p>N-Quads pieces are compressed independently into raw deflate blocks ending on a byte boundary
 * (a sync flush, as pigz does), and {@link GzipConcatenation} joins them into one ordinary gzip
 * member: any gzip reader reads it, and the result depends only on the pieces. Files are hashed
 * as they are written ({@link HashedFile}).
 */
public final class StreamingDumps {
    private StreamingDumps() {}

    /** The prefix lines that start every Turtle or TriG dump of the given format (as {@link DumpWriter} writes them). */
    public static byte[] header(RDFFormat format) {
        return render(format, out -> {}, true);
    }

    /**
     * The statements {@code body} emits, rendered in {@code format} (TURTLE_BLOCKS or TRIG_BLOCKS)
     * as they follow {@link #header}: prefixed names, no prefix lines.
     */
    public static byte[] body(RDFFormat format, Consumer<StreamRDF> body) {
        byte[] head = header(format);
        byte[] all = render(format, body, true);
        if (all.length < head.length || !Arrays.equals(all, 0, head.length, head, 0, head.length))
            throw new IllegalStateException("the " + format + " writer did not start with its prefix lines");
        return Arrays.copyOfRange(all, head.length, all.length);
    }

    private static byte[] render(RDFFormat format, Consumer<StreamRDF> body, boolean prefixes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        StreamRDF w = StreamRDFWriter.getWriterStream(bytes, format);
        w.start();
        if (prefixes)
            Vocab.PREFIXES.forEach(w::prefix);
        body.accept(w);
        w.finish();
        return bytes.toByteArray();
    }

    /**
     * Bytes kept as a list of blocks of some tens of kilobytes rather than one array: a piece of a
     * dump runs to megabytes, and arrays that large are costly for the garbage collector.
     */
    public static final class Bytes {
        private final List<byte[]> blocks = new ArrayList<>();
        private long size;

        public void add(byte[] b) {
            if (b.length > 0) {
                blocks.add(b);
                size += b.length;
            }
        }

        public void add(byte[] b, int off, int len) {
            add(Arrays.copyOfRange(b, off, off + len));
        }

        /** Adds the text as UTF-8 and empties the builder (call between whole lines: never inside a character pair). */
        public void add(StringBuilder text) {
            add(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }

        public static Bytes of(byte[] b) {
            Bytes out = new Bytes();
            out.add(b);
            return out;
        }

        public long size() {
            return size;
        }

        public List<byte[]> blocks() {
            return blocks;
        }

        public void writeTo(OutputStream out) throws IOException {
            for (byte[] b : blocks)
                out.write(b);
        }

        public byte[] toByteArray() {
            byte[] all = new byte[Math.toIntExact(size)];
            int at = 0;
            for (byte[] b : blocks) {
                System.arraycopy(b, 0, all, at, b.length);
                at += b.length;
            }
            return all;
        }
    }

    /**
     * A file being written and its SHA-256, computed on the way (the dumps of a large build run to
     * gigabytes: reading them again for their checksums would take as long as a quarter of the build).
     */
    public static final class HashedFile extends OutputStream {
        private final OutputStream out;
        private final MessageDigest sha256;
        private String hex;

        public HashedFile(Path file) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            sha256.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            sha256.update(b, off, len);
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (hex == null)
                hex = HexFormat.of().formatHex(sha256.digest());
            out.close();
        }

        /** The SHA-256 of everything written, in lower-case hex (after {@link #close}). */
        public String sha256() {
            if (hex == null)
                throw new IllegalStateException("not closed");
            return hex;
        }
    }

    /** The compression level of the N-Quads dump: zlib's fastest levels compress it to a twentieth already. */
    static final int LEVEL = 3;

    /** A piece of a gzip stream: raw deflate blocks (not final, byte-aligned) and the CRC-32 and length of its input. */
    public record Deflated(Bytes blocks, long crc, long length) {}

    /** Compresses one piece; pieces can be compressed in any order and on any thread. */
    public static Deflated deflate(Bytes data) {
        Deflater d = new Deflater(LEVEL, true);
        try {
            Bytes out = new Bytes();
            byte[] buf = new byte[1 << 15];
            CRC32 crc = new CRC32();
            List<byte[]> in = data.blocks();
            for (int k = 0; k < in.size(); k++) {
                byte[] block = in.get(k);
                crc.update(block);
                d.setInput(block);
                int flush = k == in.size() - 1 ? Deflater.SYNC_FLUSH : Deflater.NO_FLUSH;
                int n;
                do {
                    n = d.deflate(buf, 0, buf.length, flush);
                    out.add(buf, 0, n);
                } while (n == buf.length || !d.needsInput());
            }
            if (in.isEmpty()) { // still a byte-aligned (empty stored) block, as for any piece
                int n;
                do {
                    n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                    out.add(buf, 0, n);
                } while (n == buf.length);
            }
            return new Deflated(out, crc.getValue(), data.size());
        } finally {
            d.end();
        }
    }

    /** Writes one gzip member from deflated pieces, in the order they are appended. */
    public static final class GzipConcatenation {
        private static final byte[] HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };
        private final OutputStream out;
        private long crc = 0;
        private long length = 0;

        public GzipConcatenation(OutputStream out) throws IOException {
            this.out = out;
            out.write(HEADER);
        }

        public void append(Deflated piece) throws IOException {
            piece.blocks().writeTo(out);
            crc = crc32Combine(crc, piece.crc(), piece.length());
            length += piece.length();
        }

        /** Ends the deflate stream (an empty final block) and writes the gzip trailer; does not close {@code out}. */
        public void finish() throws IOException {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            try {
                d.finish();
                byte[] buf = new byte[64];
                while (!d.finished())
                    out.write(buf, 0, d.deflate(buf));
            } finally {
                d.end();
            }
            writeIntLE(crc);
            writeIntLE(length);
            out.flush();
        }

        private void writeIntLE(long v) throws IOException {
            out.write((int) (v & 0xff));
            out.write((int) ((v >>> 8) & 0xff));
            out.write((int) ((v >>> 16) & 0xff));
            out.write((int) ((v >>> 24) & 0xff));
        }
    }

    /**
     * The CRC-32 of A followed by B, from the CRC-32 of A, that of B and the length of B
     * (zlib's {@code crc32_combine}, by squaring the GF(2) matrix of the zero-byte operator).
     */
    public static long crc32Combine(long crc1, long crc2, long len2) {
        if (len2 <= 0)
            return crc1;
        long[] even = new long[32];
        long[] odd = new long[32];
        odd[0] = 0xedb88320L; // the CRC-32 polynomial, reflected
        long row = 1;
        for (int n = 1; n < 32; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four zero bits
        do {
            square(even, odd);
            if ((len2 & 1) != 0)
                crc1 = times(even, crc1);
            len2 >>= 1;
            if (len2 == 0)
                break;
            square(odd, even);
            if ((len2 & 1) != 0)
                crc1 = times(odd, crc1);
            len2 >>= 1;
        } while (len2 != 0);
        return (crc1 ^ crc2) & 0xffffffffL;
    }

    private static long times(long[] mat, long vec) {
        long sum = 0;
        for (int i = 0; vec != 0; i++, vec >>>= 1)
            if ((vec & 1) != 0)
                sum ^= mat[i];
        return sum;
    }

    private static void square(long[] square, long[] mat) {
        for (int n = 0; n < 32; n++)
            square[n] = times(mat, mat[n]);
    }
}
