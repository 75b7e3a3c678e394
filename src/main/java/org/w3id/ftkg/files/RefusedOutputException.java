package org.w3id.ftkg.files;

/** An output path FTKG will not write to, with a message meant for the user as it is. */
public final class RefusedOutputException extends RuntimeException {
    public RefusedOutputException(String message) {
        super(message);
    }
}
