package org.w3id.ftkg.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.output.DumpWriter;
import org.w3id.ftkg.pipeline.KnowledgeGraph;
import org.w3id.ftkg.pipeline.Pipeline;
import org.w3id.ftkg.pipeline.StreamingBuild;
import org.w3id.ftkg.store.Tdb2Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = { "Check the curation and write every dump to dist/ (atomically: a failed build leaves dist/ as it was).",
        "Honours SOURCE_DATE_EPOCH; two builds of the same inputs are byte-identical.",
        "With --stream, large corpora build in bounded memory: the same checks and the same quads, every dump but JSON-LD." })
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--tdb2", paramLabel = "DIR",
        description = "Also load the data into a TDB2 database at DIR with Jena's bulk loader (replaced atomically), for serve --tdb2.")
    java.nio.file.Path tdb2;

    @picocli.CommandLine.Option(names = "--loader", paramLabel = "NAME", defaultValue = "phased",
        converter = LoaderConverter.class,
        description = "Jena bulk loader for --tdb2: phased (the default: the faster in BENCHMARKS.md) or xloader (external sorts with sort(1) and gzip(1), for data larger than memory).")
    Tdb2Store.Loader loader;

    static final class LoaderConverter implements picocli.CommandLine.ITypeConverter<Tdb2Store.Loader> {
        @Override
        public Tdb2Store.Loader convert(String value) {
            return Tdb2Store.Loader.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @picocli.CommandLine.Option(names = "--stream",
        description = { "Build in bounded memory, one facts file at a time (for corpora of a million facts): the same checks "
            + "and the same quads as the default build, streamed into ftkg.nq.gz, ftkg.trig, ftkg.ttl, sources/*.ttl, "
            + "void.ttl and SHA256SUMS.", "There is no JSON-LD dump (ftkg.jsonld) in this mode." })
    boolean stream;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Long epoch = ProjectOptions.sourceDateEpoch();
        // Before any work: a wrong --dist or --tdb2 would be replaced as a whole, inputs included.
        OutputGuard.folder(options.project, options.dist(), "--dist");
        if (tdb2 != null) {
            OutputGuard.folder(options.project, tdb2, "--tdb2");
            OutputGuard.separate(options.dist(), "--dist", tdb2, "--tdb2");
        }
        if (stream)
            return streamed(epoch);
        KnowledgeGraph kg = Pipeline.build(options.project, epoch, msg -> err.println("ftkg: " + msg));
        err.println("ftkg: writing dumps");
        List<String>[] files = new List[1];
        DistDirectory.replace(options.dist(), dir -> files[0] = DumpWriter.write(kg, options.project, dir, epoch));
        var out = spec.commandLine().getOut();
        out.printf("Built %d facts, %d entities, %d quads from %d sources into %s (%d files).%n",
            kg.facts().size(), kg.entities().size(), org.apache.jena.atlas.iterator.Iter.count(kg.dataset().find()), kg.sources().size(),
            options.dist(), files[0].size());
        loadTdb2();
        out.flush();
        return 0;
    }

    private Integer streamed(Long epoch) throws Exception {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        StreamingBuild.Result r = StreamingBuild.build(options.project, options.dist(), epoch, msg -> {
            err.println("ftkg: " + msg);
            err.flush();
        });
        out.printf("Built %d facts, %d entities, %d quads from %d sources into %s (%d files, streamed in %.1f s).%n",
            r.facts(), r.entities(), r.quads(), r.sources(), options.dist(), r.files().size(), (System.nanoTime() - t0) / 1e9);
        loadTdb2();
        out.flush();
        return 0;
    }

    /** With --tdb2, loads the N-Quads dump just written into the database, timing the load alone. */
    private void loadTdb2() throws java.io.IOException {
        if (tdb2 == null)
            return;
        var err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        long quads = Tdb2Store.load(options.dist().resolve(DumpWriter.NQUADS_GZ), tdb2, loader, msg -> {
            err.println("ftkg: tdb2: " + msg);
            err.flush();
        });
        spec.commandLine().getOut().printf("Loaded %d quads into the TDB2 database %s in %.1f s (loader: %s).%n", quads, tdb2,
            (System.nanoTime() - t0) / 1e9, loader.name().toLowerCase(java.util.Locale.ROOT));
    }
}
