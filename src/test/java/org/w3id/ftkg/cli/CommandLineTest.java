package org.w3id.ftkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A command line FTKG cannot run is exit code 2 with a message, as the README's exit-code table says. */
class CommandLineTest {

    private record Outcome(int code, String err) {}

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, err.toString());
    }

    @Test
    void badCommandLinesExitWithTwoAndSayWhatIsWrong() {
        for (List<String> args : List.of(
                List.of("build", "--no-such-option"),
                List.of("build", "--threads", "many"),
                List.of("generate", "--output", "/tmp/never-written"),
                List.of("no-such-command"))) {
            Outcome o = run(args.toArray(String[]::new));
            assertEquals(2, o.code(), args + ": " + o.err());
            assertTrue(o.err().contains("Usage:") || o.err().contains("Unknown") || o.err().contains("Missing")
                || o.err().contains("Invalid"), args + ": " + o.err());
        }
    }

    @Test
    void helpAndVersionSucceed() {
        assertEquals(0, run("--help").code());
        assertEquals(0, run("--version").code());
        assertEquals(0, run("build", "--help").code());
    }
}
