package org.w3id.ftkg.cli;

/** A failure whose message is meant for the user as it is. */
final class UserException extends RuntimeException {
    final int exitCode;

    UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }
}
