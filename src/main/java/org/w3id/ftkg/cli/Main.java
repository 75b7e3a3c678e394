package org.w3id.ftkg.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar ftkg.jar <command>}. Exit codes: 0 success, 1 invalid input (every problem is
 * listed), 2 bad command line, 3 an input/output failure (nothing was half-written).
 */
@Command(name = "ftkg", mixinStandardHelpOptions = true, version = "ftkg 0.1.0",
    description = "FTKG, the Fentanyl Trafficking Knowledge Graph: curated, sourced facts as Linked Data.",
    subcommands = { BuildCommand.class, ValidateCommand.class, ExportCommand.class, QueryCommand.class,
        StatsCommand.class, ServeCommand.class, ReleaseCommand.class, LinkCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { "0:success", "1:invalid input (every problem is listed with file and line)",
        "2:bad command line", "3:input/output failure (previous output left untouched)" })
public final class Main {
    public static final int INVALID_INPUT = 1;
    public static final int USAGE = 2;
    public static final int IO_FAILURE = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (for tests). */
    public static int run(String... args) {
        return command().execute(args);
    }

    /** Runs a command line writing to the given streams instead of the process's (for tests). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        return command().setOut(out).setErr(err).execute(args);
    }

    private static CommandLine command() {
        // Parse errors keep picocli's own code (2, as documented); failures while running are mapped by Failures.
        return new CommandLine(new Main()).setExecutionExceptionHandler(Failures::handle);
    }
}
