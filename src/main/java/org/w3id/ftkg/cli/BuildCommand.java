package org.w3id.ftkg.cli;

import java.util.List;
import java.util.concurrent.Callable;

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
    java.nio.file.Path tdb2;

    @Option(names = "--loader", paramLabel = "NAME", defaultValue = "phased", converter = LoaderConverter.class,
        description = "Jena bulk loader for --tdb2: phased (the default: the faster in BENCHMARKS.md) or xloader (external sorts with sort(1) and gzip(1), for data larger than memory).")
    Tdb2Store.Loader loader;

    static final class LoaderConverter implements picocli.CommandLine.ITypeConverter<Tdb2Store.Loader> {
        @Override
        public Tdb2Store.Loader convert(String value) {
            return Tdb2Store.Loader.valueOf(value.toUpperCase(java.util.Locale.ROOT));
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
        Build build = Build.of(options.project).sourceDateEpoch(ProjectOptions.sourceDateEpoch()).progress(msg -> {
            err.println("ftkg: " + msg);
            err.flush();
        });
        if (threads != null)
            build.threads(threads);
        Build.Result r = build.intoDist(options.dist());
        out.printf("Built %d facts, %d entities, %d quads from %d sources into %s (%d files) in %.1f s.%n",
            r.facts(), r.entities().size(), r.quads(), r.sources().size(), options.dist(), r.files().size(),
            (System.nanoTime() - t0) / 1e9);
        if (tdb2 != null) {
            long t1 = System.nanoTime();
            long quads = Tdb2Store.load(options.dist().resolve(Dumps.NQUADS_GZ), tdb2, loader, msg -> {
                err.println("ftkg: tdb2: " + msg);
                err.flush();
            });
            out.printf("Loaded %d quads into the TDB2 database %s in %.1f s (loader: %s).%n", quads, tdb2,
                (System.nanoTime() - t1) / 1e9, loader.name().toLowerCase(java.util.Locale.ROOT));
        }
        out.flush();
        return 0;
    }
}
