package org.w3id.ftkg.cli;

import java.util.concurrent.Callable;

import org.w3id.ftkg.pipeline.Build;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Run every check of a build (YAML, ontology terms, quotes, checksums, SHACL) and write nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = "--endpoint", paramLabel = "URL",
        description = "Also check that every linked QID exists on this SPARQL endpoint (e.g. Wikidata's) with a compatible type.")
    java.net.URI endpoint;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Build.Result r = Build.of(options.project).validate();
        if (endpoint != null) {
            var problems = new org.w3id.ftkg.diagnostics.Problems();
            var client = new org.w3id.ftkg.link.SparqlClient(endpoint, java.time.Duration.ofSeconds(30), 1, 4);
            org.w3id.ftkg.link.QidCheck.check(r.ontology(), r.entities(), client, problems);
            problems.throwIfAny();
        }
        spec.commandLine().getOut().printf("Valid: %d facts, %d entities, %d sources; every quote found, every shape satisfied.%n",
            r.facts(), r.entities().size(), r.sources().size());
        return 0;
    }
}
