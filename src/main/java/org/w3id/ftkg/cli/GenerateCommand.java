package org.w3id.ftkg.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.w3id.ftkg.synth.SyntheticCorpus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = { "Write a synthetic FTKG project (invented sources, entities and facts) for scale benchmarks.",
        "The output is a complete, valid project: ontology/, seeds/ with SHA256SUMS, data/entities/ and data/facts/.",
        "The same --seed and sizes give byte-identical files. The folder is written atomically and never overwritten." })
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--facts", paramLabel = "N", required = true, description = "Number of curated facts to generate.")
    long facts;

    @Option(names = "--sources", paramLabel = "S",
        description = "Number of source texts (default: max(1, N/1000)); at most "
            + SyntheticCorpus.MAX_FACTS_PER_SOURCE + " facts per source.")
    Integer sources;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "42",
        description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--output", paramLabel = "DIR", required = true,
        description = "Folder to create; it must not exist or be empty.")
    Path output;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
        description = "Project whose ontology/ is copied (default: ${DEFAULT-VALUE}).")
    Path project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int s = sources != null ? sources : SyntheticCorpus.defaultSources(facts);
        var taken = new UserException(output + " exists and is not an empty folder; choose another --output", Main.USAGE);
        if (!SyntheticCorpus.isFree(output))
            throw taken;
        var out = spec.commandLine().getOut();
        try {
            out.println(SyntheticCorpus.generate(project, output, facts, s, seed));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (FileAlreadyExistsException e) {
            throw taken;
        }
        out.flush();
        return 0;
    }
}
