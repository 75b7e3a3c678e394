package org.w3id.ftkg.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;

import org.w3id.ftkg.diagnostics.InvalidInputException;
import org.w3id.ftkg.files.RefusedOutputException;
import org.w3id.ftkg.link.SparqlClient;
import org.w3id.ftkg.store.Tdb2Locks;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Maps failures to the documented exit codes, with a message a curator can act on and no stack trace. */
final class Failures {
    private Failures() {}

    static int exitCode(Throwable t) {
        if (t instanceof RefusedOutputException || t instanceof InvalidPathException)
            return Main.USAGE;
        return t instanceof InvalidInputException || ioCause(t) == null ? Main.INVALID_INPUT : Main.IO_FAILURE;
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
        int code = exitCode(e);
        IOException io = ioCause(e);
        if (e instanceof InvalidInputException iie) {
            err.println(iie.getMessage());
            err.println("ftkg: " + iie.problems().size() + " problem(s); nothing was written.");
        } else if (code == Main.USAGE) {
            err.println("ftkg: " + e.getMessage());
            err.println("ftkg: nothing was written.");
        } else if (e instanceof UserException ue) {
            err.println("ftkg: " + ue.getMessage());
            code = ue.exitCode;
        } else if (io instanceof SparqlClient.EndpointException || io instanceof Tdb2Locks.DatabaseInUseException) {
            err.println("ftkg: " + io.getMessage()); // these say what to do already
        } else if (io != null) {
            err.println("ftkg: cannot write or read a file: " + describe(io));
            err.println("ftkg: the previous output was left as it was.");
        } else {
            err.println("ftkg: internal error: " + e);
            e.printStackTrace(err);
            code = 70;
        }
        err.flush();
        return code;
    }

    private static String describe(IOException io) {
        String msg = io.getMessage();
        if (io instanceof AccessDeniedException)
            return "permission denied: " + msg;
        if (io instanceof NoSuchFileException)
            return "no such file: " + msg;
        if (msg != null && msg.contains("No space left"))
            return "the disk is full (" + msg + ")";
        return io.getClass().getSimpleName().replace("Exception", "") + ": " + msg;
    }
}
