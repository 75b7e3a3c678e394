package org.w3id.ftkg.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.output.DumpWriter;
import org.w3id.ftkg.pipeline.KnowledgeGraph;
import org.w3id.ftkg.pipeline.Pipeline;

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
        out.flush();
        return 0;
    }
}
