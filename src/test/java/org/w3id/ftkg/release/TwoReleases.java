package org.w3id.ftkg.release;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.digest.Sha256;

/**
 * Two releases of the mini corpus, made with the release command: between 1.0 and 2.0 one fact
 * is added, one changed (a shorter quote) and one removed, and the source text they quote gains a
 * closing line (its quotes stay where they were).
 */
public record TwoReleases(TestProject project, Path releases, String secondOut) {
    public static final String FACTS = TestProject.MINI_FACTS;
    public static final String ADDED = "004-guadalajara-cartel-defunct";
    public static final String CHANGED = "004-caro-quintero-release";
    public static final String REMOVED = "004-caro-quintero-former-leader";
    public static final String OLD_QUOTE = "served 28 years in prison before his release in 2013, when a court overturned his sentence";
    public static final String NEW_QUOTE = "served 28 years in prison before his release in 2013";
    public static final String SEED = "seeds/004_40da1574111b49b3.txt";
    public static final String SEED_ADDENDUM = "Appended to the source text for release 2.0.";

    /** What the command line printed and returned. */
    public record Run(int code, String out, String err) {}

    public static Run ftkg(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Makes releases/1.0 and releases/2.0 in a fixture project under {@code tmp}; fails if either command fails. */
    public static TwoReleases make(Path tmp) {
        TestProject project = TestProject.fixture(tmp, "mini");
        Run first = ftkg("release", "1.0", "--project", project.dir().toString());
        if (first.code() != 0)
            throw new AssertionError("release 1.0 failed: " + first.err());
        project.edit(FACTS, s -> {
            int from = s.indexOf("  - id: " + REMOVED), to = s.indexOf("  - id: 004-sheinbaum-opposes-invasion");
            return s.substring(0, from) + s.substring(to);
        });
        project.edit(FACTS, s -> s.replace("quote: " + OLD_QUOTE, "quote: " + NEW_QUOTE));
        project.edit(FACTS, s -> s + "\n  - id: " + ADDED + "\n    quote: now-defunct Guadalajara Cartel\n"
            + "    statements:\n      - {s: guadalajara-cartel, p: defunct, v: \"true\"}\n");
        String before = project.read(SEED);
        project.edit(SEED, s -> s + "\n" + SEED_ADDENDUM + "\n");
        project.edit("seeds/SHA256SUMS", s -> s.replace(Sha256.hex(before.getBytes(StandardCharsets.UTF_8)),
            Sha256.hex(project.read(SEED).getBytes(StandardCharsets.UTF_8))));
        Run second = ftkg("release", "2.0", "--project", project.dir().toString());
        if (second.code() != 0)
            throw new AssertionError("release 2.0 failed: " + second.err());
        return new TwoReleases(project, project.resolve("releases"), second.out());
    }

    public Path release(String version) {
        return releases.resolve(version);
    }
}
