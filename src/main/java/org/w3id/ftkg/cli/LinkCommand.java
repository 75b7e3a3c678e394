package org.w3id.ftkg.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.w3id.ftkg.link.CandidateSearch;
import org.w3id.ftkg.link.LinkAcceptor;
import org.w3id.ftkg.link.Proposal;
import org.w3id.ftkg.link.ReviewFile;
import org.w3id.ftkg.link.SparqlClient;
import org.w3id.ftkg.pipeline.Build;
import org.w3id.ftkg.serve.ServiceAllowList;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "link", mixinStandardHelpOptions = true,
    description = { "Propose Wikidata matches for entities without a QID and write them to a review file; data/ is not changed.",
        "After review, --accept FILE moves the accepted QIDs into data/entities (and validates, or puts everything back)." })
final class LinkCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = "--endpoint", defaultValue = ServiceAllowList.WIKIDATA, description = "SPARQL endpoint (default: ${DEFAULT-VALUE}).")
    URI endpoint;

    @Option(names = "--output", defaultValue = "review/wikidata-candidates.yaml", description = "Review file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--rate", defaultValue = "1", description = "At most this many requests per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--timeout", defaultValue = "30", description = "Seconds to wait for an answer (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--attempts", defaultValue = "4", description = "Attempts on 429/503 before giving up (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--accept", paramLabel = "FILE", description = "Apply the reviewed QIDs of a review file to data/entities.")
    Path accept;

    @Override
    public Integer call() throws Exception {
        if (accept != null) {
            List<String> linked = LinkAcceptor.accept(options.project, ReviewFile.readAccepted(accept));
            System.out.println("Linked " + linked.size() + " entities: " + String.join(", ", linked));
            return 0;
        }
        if (rate <= 0 || timeout <= 0 || attempts < 1)
            throw new UserException("--rate, --timeout and --attempts must be positive", Main.USAGE);
        Path out = output.isAbsolute() ? output : options.project.resolve(output);
        // Before asking anyone: the review file must not land on a folder, a root or the curation itself.
        org.w3id.ftkg.files.OutputGuard.file(options.project, out, "--output");
        Build.Result kg = Build.of(options.project).validate();
        SparqlClient client = new SparqlClient(endpoint, Duration.ofSeconds(timeout), rate, attempts);
        List<Proposal> proposals = new CandidateSearch(client).propose(kg.ontology(), kg.entities(),
            msg -> System.err.println("ftkg: link " + msg));
        ReviewFile.write(out, endpoint.toString(), proposals);
        long with = proposals.stream().filter(p -> !p.candidates().isEmpty()).count();
        long ambiguous = proposals.stream().filter(Proposal::ambiguous).count();
        System.out.printf("Wrote %s: %d entities, %d with candidates (%d ambiguous), %d without. data/ was not changed.%n",
            out, proposals.size(), with, ambiguous, proposals.size() - with);
        return 0;
    }
}
