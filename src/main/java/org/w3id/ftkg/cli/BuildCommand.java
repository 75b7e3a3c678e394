package org.w3id.ftkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.pipeline.Build;
import org.w3id.ftkg.store.Tdb2Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = { "Check the curation and write every dump to dist/ (atomically: a failed build leaves dist/ as it was).",
        "One facts file at a time, on worker threads: memory does not grow with the corpus.",
        "Honours SOURCE_DATE_EPOCH; two builds of the same inputs are byte-identical, whatever the number of threads." })
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--tdb2", paramLabel = "DIR",
        description = "Also load the data into a TDB2 database at DIR with Jena's bulk loader (replaced atomically), for serve --tdb2.")
    Path tdb2;

    @Option(names = "--loader", paramLabel = "NAME", defaultValue = "phased", converter = LoaderConverter.class,
        description = "Jena bulk loader for --tdb2: phased (the default: the faster in BENCHMARKS.md) or xloader (external sorts with sort(1) and gzip(1), for data larger than memory).")
    Tdb2Store.Loader loader;

    static final class LoaderConverter implements picocli.CommandLine.ITypeConverter<Tdb2Store.Loader> {
        @Override
        public Tdb2Store.Loader convert(String value) {
            return Tdb2Store.Loader.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Option(names = "--threads", paramLabel = "N",
        description = "Worker threads (default: one per core, at most 16); the output does not depend on it.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (threads != null && threads < 1)
            throw new UserException("--threads must be at least 1", Main.USAGE);
        // Before any work: a wrong --dist or --tdb2 would be replaced as a whole, inputs included.
        OutputGuard.folder(options.project, options.dist(), "--dist");
        if (tdb2 != null) {
            OutputGuard.folder(options.project, tdb2, "--tdb2");
            OutputGuard.separate(options.dist(), "--dist", tdb2, "--tdb2");
        }
        long t0 = System.nanoTime();
        Build build = Build.of(options.project).sourceDateEpoch(ProjectOptions.sourceDateEpoch())
            .progress(progress(err, "ftkg: "));
        if (threads != null)
            build.threads(threads);
        Build.Result r = build.intoDist(options.dist());
        out.printf("Built %d facts, %d entities, %d quads from %d sources into %s (%d files) in %.1f s.%n",
            r.facts(), r.entities().size(), r.quads(), r.sources().size(), options.dist(), r.files().size(),
            (System.nanoTime() - t0) / 1e9);
        if (tdb2 != null)
            loadTdb2(spec, options.dist().resolve(Dumps.NQUADS_GZ), tdb2, loader,
                " (loader: " + loader.name().toLowerCase(Locale.ROOT) + ")");
        out.flush();
        return 0;
    }

    /** Loads an N-Quads dump into a TDB2 database (replaced atomically), saying how long it took. */
    static void loadTdb2(CommandSpec spec, Path nquads, Path db, Tdb2Store.Loader loader, String note) throws IOException {
        long t0 = System.nanoTime();
        long quads = Tdb2Store.load(nquads, db, loader, progress(spec.commandLine().getErr(), "ftkg: tdb2: "));
        spec.commandLine().getOut().printf("Loaded %d quads into the TDB2 database %s in %.1f s%s.%n", quads, db,
            (System.nanoTime() - t0) / 1e9, note);
    }

    static Consumer<String> progress(PrintWriter err, String prefix) {
        return msg -> {
            err.println(prefix + msg);
            err.flush();
        };
    }
}
