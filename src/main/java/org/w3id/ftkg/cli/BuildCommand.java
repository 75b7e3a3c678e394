package org.w3id.ftkg.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.output.DumpWriter;
import org.w3id.ftkg.pipeline.KnowledgeGraph;
import org.w3id.ftkg.pipeline.Pipeline;
import org.w3id.ftkg.store.Tdb2Store;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = { "Check the curation and write every dump to dist/ (atomically: a failed build leaves dist/ as it was).",
        "Honours SOURCE_DATE_EPOCH; two builds of the same inputs are byte-identical." })
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--tdb2", paramLabel = "DIR",
        description = "Also load the data into a TDB2 database at DIR with Jena's bulk loader (replaced atomically), for serve --tdb2.")
    java.nio.file.Path tdb2;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Long epoch = ProjectOptions.sourceDateEpoch();
        KnowledgeGraph kg = Pipeline.build(options.project, epoch, msg -> err.println("ftkg: " + msg));
        err.println("ftkg: writing dumps");
        List<String>[] files = new List[1];
        DistDirectory.replace(options.dist(), dir -> files[0] = DumpWriter.write(kg, options.project, dir, epoch));
        var out = spec.commandLine().getOut();
        out.printf("Built %d facts, %d entities, %d quads from %d sources into %s (%d files).%n",
            kg.facts().size(), kg.entities().size(), org.apache.jena.atlas.iterator.Iter.count(kg.dataset().find()), kg.sources().size(),
            options.dist(), files[0].size());
        if (tdb2 != null) {
            long t0 = System.nanoTime();
            long quads = Tdb2Store.load(options.dist().resolve(DumpWriter.NQUADS_GZ), tdb2, msg -> err.println("ftkg: tdb2: " + msg));
            out.printf("Loaded %d quads into the TDB2 database %s in %.1f s.%n", quads, tdb2, (System.nanoTime() - t0) / 1e9);
        }
        out.flush();
        return 0;
    }
}
