package org.w3id.ftkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.pipeline.Build;
import org.w3id.ftkg.release.ReleaseFolder;
import org.w3id.ftkg.store.Tdb2Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "release", mixinStandardHelpOptions = true,
    description = { "Build and write an immutable release folder, releases/VERSION/: the dumps, the content hash of every fact, "
        + "a VoID/DCAT description (dcat:version, dcat:previousVersion, prov:wasRevisionOf, the date), release notes, "
        + "the diff against the previous release (RDF Patch and Markdown changelog), the commit and the SHA-256 of every input.",
        "The date is SOURCE_DATE_EPOCH (or now, recorded). With --verify DIR: check a release's checksums and fact hashes, "
        + "rebuild it from the project and compare every dump byte for byte." })
final class ReleaseCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "VERSION", description = "The version to release, e.g. 1.0.")
    String version;

    @Mixin
    ProjectFolder folder;

    @Mixin
    ReleasesOption releases;

    @Option(names = "--previous", paramLabel = "VERSION",
        description = "The release this one follows (default: the newest release in the releases folder, if any).")
    String previous;

    @Option(names = "--verify", paramLabel = "DIR", description = "Verify the release in DIR instead of making one.")
    Path verify;

    @Option(names = "--tdb2", description = { "Also load the release's N-Quads dump into a TDB2 database, releases/VERSION/tdb2/, "
        + "which serve and deploy/ftkg-replicas then use instead of reading the dump into memory.",
        "For an existing release, only loads (or reloads) its database: the database is an index of dumps/ftkg.nq.gz, "
            + "outside SHA256SUMS." })
    boolean tdb2;

    @Option(names = "--loader", paramLabel = "NAME", defaultValue = "phased", converter = BuildCommand.LoaderConverter.class,
        description = "Jena bulk loader for --tdb2: phased (the default) or xloader (for data larger than memory).")
    Tdb2Store.Loader loader;

    @Spec
    CommandSpec spec;

    /** The build every release goes through: the same calls as {@code build}. */
    static final ReleaseFolder.DumpsBuilder BUILD = (p, into, epoch) -> Build.of(p).sourceDateEpoch(epoch).intoFolder(into);

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path project = folder.project;
        if ((verify == null) == (version == null))
            throw new UserException("give a VERSION to release, or --verify DIR, not both or neither", Main.USAGE);
        if (verify != null) {
            List<String> problems = ReleaseFolder.verify(verify, project, BUILD);
            if (!problems.isEmpty()) {
                err.println(problems.size() + " problem(s) in the release " + verify + ":");
                problems.forEach(p -> err.println("  " + p));
                err.flush();
                return Main.INVALID_INPUT;
            }
            out.println("Verified " + verify + ": every checksum and fact hash holds, and the rebuild is byte-identical.");
            out.flush();
            return 0;
        }
        Path dir = releases.in(project);
        ReleaseFolder.checkVersion(version);
        if (tdb2 && Files.isRegularFile(dir.resolve(version).resolve(ReleaseFolder.SUMS))) {
            loadTdb2(dir.resolve(version));
            return 0;
        }
        if (!Files.exists(dir.resolve(version))) // an existing one is refused by ReleaseFolder.write, as immutable
            OutputGuard.folder(project, dir.resolve(version), "--releases");
        String prev = previous != null ? previous : ReleaseFolder.latest(dir).orElse(null);
        Long epoch = ProjectOptions.sourceDateEpoch();
        long when = epoch != null ? epoch : Instant.now().getEpochSecond();
        err.println("ftkg: building release " + version + (prev != null ? " (after " + prev + ")" : " (the first)"));
        ReleaseFolder.Made made = ReleaseFolder.write(project, dir, version, prev, when, commit(project), BUILD);
        out.printf("Released %s: %d facts into %s%s.%n", version, made.facts(), made.dir(), made.diff() == null ? ""
            : String.format(" (%d added, %d removed, %d changed since %s)", made.diff().added().size(),
                made.diff().removed().size(), made.diff().changed().size(), prev));
        if (tdb2)
            loadTdb2(made.dir());
        out.flush();
        return 0;
    }

    private void loadTdb2(Path release) throws IOException {
        BuildCommand.loadTdb2(spec, release.resolve(ReleaseFolder.DUMPS).resolve(ReleaseFolder.NQUADS_GZ),
            release.resolve(ReleaseFolder.TDB2), loader, "");
        spec.commandLine().getOut().flush();
    }

    /** The project's git commit, marked "+changes" when its inputs differ from it; "unknown" outside git. */
    static String commit(Path project) {
        try {
            String head = git(project, "rev-parse", "HEAD");
            if (head == null || head.isBlank())
                return "unknown (not a git repository)";
            String dirty = git(project, "status", "--porcelain", "--", "data", "seeds", "ontology");
            return head.strip() + (dirty != null && !dirty.isBlank() ? "+changes" : "");
        } catch (IOException e) {
            return "unknown (git is not available)";
        }
    }

    private static String git(Path dir, String... args) throws IOException {
        List<String> cmd = Stream.concat(Stream.of("git", "-C", dir.toString()), Stream.of(args)).toList();
        // Output goes to a file so that the timeout below holds even if git hangs before closing its stdout.
        Path out = Files.createTempFile("ftkg-git", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? Files.readString(out, StandardCharsets.UTF_8) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
