package org.w3id.ftkg.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;

import org.w3id.ftkg.files.RefusedOutputException;
import org.w3id.ftkg.diagnostics.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Maps failures to the documented exit codes, with a message a curator can act on and no stack trace. */
final class Failures {
    private Failures() {}

    static int exitCode(Throwable t) {
        if (t instanceof InvalidInputException)
            return Main.INVALID_INPUT;
        if (t instanceof RefusedOutputException || t instanceof InvalidPathException)
            return Main.USAGE;
        if (ioCause(t) != null)
            return Main.IO_FAILURE;
        return Main.INVALID_INPUT;
    }

    /** The I/O failure behind an exception, if any: Jena's writers wrap them (a full disk while writing JSON-LD, say). */
    static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause())
            if (c instanceof IOException io)
                return io;
        return null;
    }

    static int handle(Exception e, CommandLine cmd, ParseResult parsed) {
        var err = cmd.getErr();
        if (e instanceof InvalidInputException iie) {
            err.println(iie.getMessage());
            err.println("ftkg: " + iie.problems().size() + " problem(s); nothing was written.");
            err.flush();
            return Main.INVALID_INPUT;
        }
        if (e instanceof RefusedOutputException || e instanceof InvalidPathException) {
            err.println("ftkg: " + e.getMessage());
            err.println("ftkg: nothing was written.");
            err.flush();
            return Main.USAGE;
        }
        IOException io = ioCause(e);
        if (io != null) {
            err.println("ftkg: cannot write or read a file: " + describe(io));
            err.println("ftkg: the previous output was left as it was.");
            err.flush();
            return Main.IO_FAILURE;
        }
        if (e instanceof UserException ue) {
            err.println("ftkg: " + ue.getMessage());
            err.flush();
            return ue.exitCode();
        }
        err.println("ftkg: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return 70;
    }

    private static String describe(Throwable io) {
        String msg = io.getMessage();
        String kind = io.getClass().getSimpleName().replace("Exception", "");
        if (io instanceof java.nio.file.AccessDeniedException)
            return "permission denied: " + msg;
        if (io instanceof java.nio.file.NoSuchFileException)
            return "no such file: " + msg;
        if (msg != null && msg.contains("No space left"))
            return "the disk is full (" + msg + ")";
        return kind + ": " + msg;
    }
}
