package org.w3id.ftkg.digest;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.apache.commons.codec.digest.DigestUtils;

/** The one place FTKG computes SHA-256: of bytes, of text, of a file, or of a stream as it is written. */
public final class Sha256 {
    private Sha256() {}

    /** A file's SHA-256 and size: what its provenance and its dump description state. */
    public record FileDigest(String sha256, long size) {}

    public static MessageDigest newDigest() {
        return DigestUtils.getSha256Digest();
    }

    public static String hex(byte[] bytes) {
        return DigestUtils.sha256Hex(bytes);
    }

    public static String hex(String text) {
        return DigestUtils.sha256Hex(text);
    }

    public static FileDigest of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
             DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), newDigest())) {
            long size = in.transferTo(out);
            return new FileDigest(HexFormat.of().formatHex(out.getMessageDigest().digest()), size);
        }
    }

    /** A file being written and its SHA-256, computed on the way (reading gigabytes of dumps again would be slow). */
    public static final class HashedFile extends DigestOutputStream {
        private String hex;

        public HashedFile(Path file) throws IOException {
            super(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), newDigest());
        }

        @Override
        public void close() throws IOException {
            if (hex == null)
                hex = HexFormat.of().formatHex(getMessageDigest().digest());
            super.close();
        }

        /** The SHA-256 of everything written, in lower-case hex (after {@link #close}). */
        public String sha256() {
            if (hex == null)
                throw new IllegalStateException("not closed");
            return hex;
        }
    }
}
