package org.w3id.ftkg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.function.IOBiFunction;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.output.DatasetSink;
import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.provenance.ProvenanceModeller;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.source.SeedSet;
import org.w3id.ftkg.shapes.ShapeCheck;

/**
 * The one build: pass 1 reads a {@link CorpusIndex}, pass 2 makes each facts file's {@link Contribution} on the
 * workers and streams them in file order, so memory holds the index, not the corpus, and bytes do not depend on
 * threads. All problems are thrown at once (shape violations only if nothing else is wrong).
 */
public final class Build {
    /** What a build found and wrote. */
    public record Result(long facts, List<CuratedEntity> entities, long quads, List<SeedSet.Seed> sources,
                         Ontology ontology, List<String> files) {}

    private final Path project;
    private Long sourceDateEpoch;
    private int threads = OrderedWork.defaultThreads();
    private Consumer<String> progress = msg -> {};

    private Build(Path project) {
        this.project = project;
    }

    public static Build of(Path project) {
        return new Build(project);
    }

    /** The time to record as the build's end (reproducible builds: never the wall clock); null for none. */
    public Build sourceDateEpoch(Long epoch) {
        this.sourceDateEpoch = epoch;
        return this;
    }

    public Build threads(int n) {
        this.threads = n;
        return this;
    }

    public Build progress(Consumer<String> progress) {
        this.progress = progress;
        return this;
    }

    /** Checks everything and streams nothing. */
    public Result validate() throws IOException {
        return into(null);
    }

    /** Checks everything and streams the quads into {@code sink} (started and finished here), or nowhere if null. */
    public Result into(DatasetSink sink) throws IOException {
        return afterPass1((index, work) -> pass2(index, work, sink));
    }

    /** Checks everything and writes every dump into {@code dist} (replaced whole, atomically, only if all is well). */
    public Result intoDist(Path dist) throws IOException {
        // The input is checked first, so that a failure never touches dist/ (even its temporary sibling).
        return afterPass1((index, work) -> {
            Result[] r = new Result[1];
            DistDirectory.replace(dist, dir -> r[0] = write(index, work, dir));
            return r[0];
        });
    }

    /** Checks everything and writes every dump into {@code dir}, an empty folder (a release's, say). */
    public Result intoFolder(Path dir) throws IOException {
        return afterPass1((index, work) -> write(index, work, dir));
    }

    /** Pass 1 (its records in a temporary folder, deleted at the end), then {@code then} with the same workers. */
    private Result afterPass1(IOBiFunction<CorpusIndex, OrderedWork, Result> then) throws IOException {
        Path spill = Files.createTempDirectory("ftkg-build-");
        try (OrderedWork work = new OrderedWork(threads)) {
            return then.apply(index(spill, work), work);
        } finally {
            PathUtils.deleteDirectory(spill);
        }
    }

    private Result write(CorpusIndex index, OrderedWork work, Path dir) throws IOException {
        try (Dumps dumps = new Dumps(dir)) {
            Result r = pass2(index, work, dumps);
            progress.accept("writing the VoID description and checksums");
            List<Node> sources = index.seeds().all().stream().map(s -> Iris.source(s.stem())).toList();
            Node example = index.entities().isEmpty() ? null : Iris.entity(index.entities().get(0).record().slug());
            List<String> files = dumps.complete(project.resolve(Ontology.FILE), project.resolve(ShapeCheck.FILE),
                new Dumps.Summary(sources, r.facts(), index.entities().size(), example), sourceDateEpoch);
            return new Result(r.facts(), r.entities(), r.quads(), r.sources(), r.ontology(), files);
        }
    }

    /** Every problem but shape violations; the shape violations, reported only if there is no other problem. */
    private Problems problems, shapeProblems;

    /** Pass 1; with a failure that stops everything (no ontology), the problems are thrown at once. */
    private CorpusIndex index(Path spill, OrderedWork work) throws IOException {
        problems = new Problems();
        shapeProblems = new Problems();
        progress.accept("pass 1: reading the curation");
        Optional<CorpusIndex> read = CorpusIndex.read(project, spill, work, problems);
        if (read.isEmpty())
            problems.throwIfAny();
        CorpusIndex index = read.get();
        if (!problems.isEmpty())
            pass2(index, work, null); // reports every problem, writes nothing
        progress.accept("pass 1: " + index.factsFiles().size() + " facts files, " + index.entities().size()
            + " entities, " + index.things().all().size() + " slugs");
        return index;
    }

    private Result pass2(CorpusIndex index, OrderedWork work, DatasetSink sink) throws IOException {
        boolean failed = !problems.isEmpty();
        Optional<PartitionedShapeCheck> shapes = PartitionedShapeCheck.of(project, index, shapeProblems);
        Contribution.Context cx = Contribution.Context.of(project, index, shapes.orElse(null));
        List<Quad> head = head(index, cx.provenance());
        Future<Problems> headCheck = failed || shapes.isEmpty() ? null
            : work.submit(() -> shapes.get().checkHead(head.stream().filter(q -> q.getGraph().equals(Iris.PROVENANCE_GRAPH))
                .map(Quad::asTriple).toList()));
        boolean streaming = sink != null && !failed;
        long[] quads = { 0 };
        if (streaming) {
            sink.start();
            head.forEach(sink::quad);
            quads[0] = head.size();
        }
        progress.accept("pass 2: checking " + (streaming ? "and writing " : "") + index.factsFiles().size() + " facts files");
        long[] facts = { 0 };
        int[] done = { 0 };
        int step = Math.max(1, index.factsFiles().size() / 10);
        PartitionedShapeCheck.Shared shared = new PartitionedShapeCheck.Shared();
        Set<String> described = new HashSet<>();
        work.inOrder(index.factsFiles(), f -> Contribution.of(cx, f, failed), c -> {
            problems.addAll(c.problems());
            shapeProblems.addAll(c.shapes());
            facts[0] += c.facts();
            shared.addAll(c.shared());
            if (streaming && problems.isEmpty() && shapeProblems.isEmpty()) {
                if (c.stem() != null) {
                    described.add(c.stem());
                    sink.startSource(c.stem());
                }
                c.quads().forEach(sink::quad);
                quads[0] += c.quads().size();
                if (c.stem() != null)
                    sink.finishSource();
            }
            if (++done[0] % step == 0 || done[0] == index.factsFiles().size())
                progress.accept("pass 2: " + done[0] + "/" + index.factsFiles().size() + " facts files, " + facts[0] + " facts");
        });
        if (headCheck != null)
            shapeProblems.addAll(OrderedWork.get(headCheck));
        if (problems.isEmpty() && shapes.isPresent() && !shared.at.isEmpty()) {
            progress.accept("checking " + shared.at.size() + " things that several facts files describe");
            shapes.get().checkShared(shared, shapeProblems);
        }
        problems.throwIfAny();
        shapeProblems.throwIfAny();

        if (sink != null) {
            for (SeedSet.Seed s : index.seeds().all())
                if (described.add(s.stem())) {
                    List<Triple> description = Contribution.sortedDistinct(ProvenanceModeller.source(s));
                    sink.startSource(s.stem());
                    description.forEach(t -> sink.quad(Quad.create(Iris.PROVENANCE_GRAPH, t)));
                    sink.finishSource();
                    quads[0] += description.size();
                }
            List<Quad> ontology = index.ontology().graph().find().mapWith(t -> Quad.create(Iris.ONTOLOGY_GRAPH, t)).toList();
            ontology.sort(Sorted.QUADS);
            ontology.forEach(sink::quad);
            quads[0] += ontology.size();
            sink.finish();
        }
        return new Result(facts[0], index.entities(), quads[0], index.seeds().all(), index.ontology(), List.of());
    }

    /** The entity graphs and the build's own provenance (the entities', the curation files', the activity's). */
    private List<Quad> head(CorpusIndex index, ProvenanceModeller prov) {
        List<Quad> head = new ArrayList<>();
        List<Triple> provenance = new ArrayList<>();
        for (CuratedEntity e : index.entities()) {
            for (Triple t : e.triples())
                head.add(Quad.create(e.graph(), t));
            provenance.addAll(prov.entity(e));
        }
        provenance.addAll(index.activity().provenance(sourceDateEpoch));
        head.sort(Sorted.QUADS);
        Contribution.sortedDistinct(provenance).forEach(t -> head.add(Quad.create(Iris.PROVENANCE_GRAPH, t)));
        return head;
    }
}
