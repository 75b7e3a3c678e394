package org.w3id.ftkg.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.io.file.PathUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.ftkg.curation.CurationReader;
import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.FactsFile;
import org.w3id.ftkg.curation.NodeSpec;
import org.w3id.ftkg.curation.StatementSpec;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.FactModeller;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.SourceFacts;
import org.w3id.ftkg.model.Thing;
import org.w3id.ftkg.model.ThingIndex;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.output.DumpWriter;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.output.StreamingStatements;
import org.w3id.ftkg.output.StreamingBlockWriter;
import org.w3id.ftkg.output.StreamingDumps;
import org.w3id.ftkg.output.StreamingVoid;
import org.w3id.ftkg.output.Checksums;
import org.w3id.ftkg.provenance.ProvenanceModeller;
import org.w3id.ftkg.validate.Location;
import org.w3id.ftkg.validate.Problems;
import org.w3id.ftkg.validate.QuoteMatch;
import org.w3id.ftkg.validate.SeedSet;
import org.w3id.ftkg.validate.ShapeCheck;
import org.w3id.ftkg.validate.SourceText;

/**
 * {@code build --stream}: the checks and dumps of {@link Pipeline} and {@link DumpWriter} in
 * bounded memory, for corpora too large to hold as one dataset.
 *
 * <p>Pass 1 reads the entity files and each facts file in turn, keeping only what references
 * across files need: the slug index ({@link ThingIndex}), which facts file states things about
 * each slug, the fact ids (to find duplicates) and each file's checksum; it leaves each file's
 * records in a temporary file ({@link StreamingRecords}), since parsing the YAML again would cost
 * a sixth of the build. Pass 2 takes the facts files again one by one: it reads the file's records
 * back, checks its quotes against its source (only that source in memory), models its facts and
 * their provenance, checks the SHACL shapes over that file's data, and streams its quads into the
 * dumps; then the file is forgotten. Facts files are processed in parallel and their output
 * concatenated in name order, a few files in memory at once.
 *
 * <p>Every problem is collected and reported at once, as {@link Pipeline} does (shape violations
 * only when nothing else is wrong), and nothing is written when there is one. The dumps hold the
 * same quads as the in-memory build; their order is: entity graphs, the build's provenance, then
 * each facts file in name order (its fact graphs sorted, then their provenance), then the ontology.
 * The flat Turtle holds the same statements as {@link DumpWriter}'s (a triple that two facts files
 * state appears in both of their parts), and {@code sources/{stem}.ttl} are byte for byte the
 * in-memory build's. There is no JSON-LD dump: Jena writes JSON-LD from a dataset in memory.
 *
 * <p>The shapes are checked where a node's statements are all present: a node (or entity, or
 * source) that facts of one file only describe is checked with that file (with its entity record
 * or source description, the ontology, and the type or description of what it refers to by a
 * property whose values the shapes look at); one that facts of several files describe has its
 * statements set aside and is checked once at the end, with all of them; entities and sources that
 * no fact describes, the curation graphs and the build are checked up front.
 */
public final class StreamingBuild {
    /** What a streamed build wrote. */
    public record Result(long facts, int entities, long quads, int sources, List<String> files) {}

    private static final int SHARED = -1;

    private final Path project;
    private final Consumer<String> progress;
    private final CurationReader reader;
    private final int threads;
    /** Every problem but shape violations. */
    private final Problems problems = new Problems();
    /** Shape violations: reported only if there is no other problem (as {@link Pipeline} does). */
    private final Problems shapeProblems = new Problems();

    private Ontology ontology;
    private StreamingSeeds seeds;
    private ThingIndex index;
    private List<String> entityFiles = List.of();
    private final List<FileInfo> files = new ArrayList<>();
    /** For each slug (or {@code source:{stem}}) that facts describe: the facts file that does, or {@link #SHARED}. */
    private final Map<String, Integer> owners = new HashMap<>();
    /** Fact records whose id was already used (skipped, as {@link Pipeline} does). */
    private final Set<Location> duplicates = new HashSet<>();
    private List<CuratedEntity> entities = List.of();
    private final Map<Node, CuratedEntity> entityByIri = new HashMap<>();
    private ProvenanceModeller prov;
    private List<String> curationFiles;
    private final Map<String, String[]> curationDigests = new HashMap<>();
    private Node activity;
    private List<Triple> ontologyTriples = List.of();
    private boolean shapesReadable;
    /** The predicates whose values the shapes look into, or null for any. */
    private Set<Node> valuePredicates;

    /** SHA-256 of the dumps, computed as they were written. */
    private final Map<String, String> checksums = new java.util.concurrent.ConcurrentHashMap<>();

    private volatile boolean inputFailed;
    private volatile boolean anyFailed;

    private final ThreadLocal<Ontology> threadOntology;
    private final ThreadLocal<Shapes> threadShapes;

    /** A facts file that could be read in pass 1. */
    private record FileInfo(int index, String path, String sha256, long size, String sourceFile, boolean coversSource,
                            Path records) {}

    /** Where pass 1 leaves the records of each facts file for pass 2 ({@link StreamingRecords}). */
    private Path spill;

    private StreamingBuild(Path project, Consumer<String> progress, int threads) {
        this.project = project;
        this.progress = progress;
        this.reader = new CurationReader(project);
        this.threads = threads;
        this.threadOntology = ThreadLocal.withInitial(() -> Ontology.load(project, new Problems()).orElseThrow());
        this.threadShapes = ThreadLocal.withInitial(() -> ShapeCheck.shapes(project, new Problems()).orElse(null));
    }

    /**
     * Checks the curation of {@code project} and streams every dump into {@code dist} (replaced
     * whole, atomically).
     *
     * @throws org.w3id.ftkg.validate.InvalidInputException listing every problem (nothing is written)
     */
    public static Result build(Path project, Path dist, Long sourceDateEpoch, Consumer<String> progress) throws IOException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 16));
        StreamingBuild b = new StreamingBuild(project, progress, threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ftkg-stream");
            t.setDaemon(true);
            return t;
        });
        try {
            b.spill = Files.createTempDirectory("ftkg-stream-");
            b.pass1(pool);
            if (b.index == null)
                b.problems.throwIfAny(); // no ontology: nothing can be modelled
            if (b.inputFailed) {
                // The input is wrong: check everything else, report it all, and never touch dist/.
                b.pass2(pool, null, sourceDateEpoch);
                throw new IllegalStateException("unreachable: pass 2 reports the problems");
            }
            Result[] result = new Result[1];
            DistDirectory.replace(dist, dir -> result[0] = b.pass2(pool, dir, sourceDateEpoch));
            return result[0];
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (b.spill != null)
                PathUtils.deleteDirectory(b.spill);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Pass 1: what references across files need.

    private record Parsed(String path, Optional<FactsFile> file, Problems problems, String sha256, long size,
                          Path records) {}

    private void pass1(ExecutorService pool) throws IOException {
        progress.accept("pass 1: reading the curation");
        entityFiles = reader.entityFiles(problems);
        List<String> factFiles = reader.factFiles(problems);
        List<EntityRecord> entityRecords = new ArrayList<>();
        for (String f : entityFiles)
            entityRecords.addAll(reader.readEntityFile(f, problems));
        ontology = Ontology.load(project, problems).orElse(null);
        seeds = StreamingSeeds.load(project, problems);
        ThingIndex.Builder things = ontology == null ? null : new ThingIndex.Builder(ontology, problems);
        if (things != null)
            things.entities(entityRecords);

        Map<String, Location> factIds = new HashMap<>();
        Set<String> covered = new HashSet<>();
        inOrder(pool, factFiles, path -> {
            Problems ps = new Problems();
            Optional<FactsFile> ff = reader.readFactsFile(path, ps);
            String[] sum = ff.isPresent() ? digest(project.resolve(path)) : new String[] { null, "0" };
            Path records = null;
            if (ff.isPresent()) {
                String name = Path.of(path).getFileName().toString(); // (the facts files share one folder)
                records = spill.resolve(name + ".records");
                try {
                    StreamingRecords.write(records, ff.get());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new Parsed(path, ff, ps, sum[0], Long.parseLong(sum[1]), records);
        }, p -> {
            problems.addAll(p.problems());
            if (p.file().isEmpty())
                return;
            FactsFile ff = p.file().get();
            int idx = files.size();
            if (things != null) {
                things.sourceOf(ff);
                things.nodes(ff);
            }
            String file = ff.source().file();
            boolean covers = false;
            if (file != null) {
                // The checks of Pipeline.build, in the same order.
                if (!seeds.isListed(file))
                    problems.add(ff.source().at(), "source file '" + file + "' is not in " + SeedSet.DIR + "/" + SeedSet.SUMS);
                if (!covered.add(file))
                    problems.add(ff.source().at(), "another facts file already covers " + file);
                else
                    covers = seeds.get(file).isPresent();
                String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
                if (!ff.path().equals("data/facts/" + stem + ".yaml"))
                    problems.add(ff.source().at(), "the facts file for " + file + " must be named data/facts/" + stem + ".yaml");
                List<FactRecord> records = new ArrayList<>(SourceFacts.of(ff.source(), problems));
                records.addAll(ff.facts());
                Integer owner = idx;
                for (FactRecord r : records) {
                    for (StatementSpec st : r.statements())
                        if (st.s() != null)
                            owners.merge(st.s(), owner, (a, b) -> a.equals(b) ? a : SHARED);
                    for (NodeSpec n : r.nodes()) {
                        String slug = n.id() != null ? n.id() : r.id();
                        if (slug != null)
                            owners.merge(slug, owner, (a, b) -> a.equals(b) ? a : SHARED);
                    }
                    if (r.id() == null || r.quote() == null)
                        continue;
                    if (!Pipeline.registerFactId(r, factIds, problems))
                        duplicates.add(r.at());
                }
            }
            files.add(new FileInfo(idx, p.path(), p.sha256(), p.size(), file, covers, p.records()));
        });
        factIds.clear();
        if (things == null) {
            // No ontology: nothing can be modelled.
            inputFailed = true;
            return;
        }
        index = things.finish();

        // The build activity is named by a digest of every input, as in Pipeline.
        curationFiles = new ArrayList<>(entityFiles);
        files.forEach(f -> curationFiles.add(f.path()));
        curationFiles.add(Ontology.FILE);
        curationFiles.add(ShapeCheck.FILE);
        for (FileInfo f : files)
            curationDigests.put(f.path(), new String[] { f.sha256(), Long.toString(f.size()) });
        for (String rel : curationFiles)
            curationDigests.computeIfAbsent(rel, r -> digest(project.resolve(r)));
        TreeMap<String, String> inputs = new TreeMap<>();
        for (String rel : curationFiles)
            inputs.put(rel, curationDigests.get(rel)[0]);
        for (StreamingSeeds.Seed s : seeds.all())
            inputs.put(SeedSet.DIR + "/" + s.fileName(), s.sha256());
        StringBuilder sb = new StringBuilder();
        inputs.forEach((k, v) -> sb.append(v).append("  ").append(k).append('\n'));
        activity = Iris.uri(Iris.ACTIVITY + "build-" + DigestUtils.sha256Hex(sb.toString()).substring(0, 16));
        prov = new ProvenanceModeller(activity);

        FactModeller modeller = new FactModeller(ontology, index, problems);
        List<CuratedEntity> es = new ArrayList<>();
        for (EntityRecord e : entityRecords)
            modeller.entity(e).ifPresent(es::add);
        entities = es;
        for (CuratedEntity e : entities)
            entityByIri.putIfAbsent(e.triples().get(0).getSubject(), e);
        List<Triple> ot = new ArrayList<>();
        ontology.graph().find().forEachRemaining(ot::add);
        ontologyTriples = List.copyOf(ot);
        Optional<Shapes> shapes = ShapeCheck.shapes(project, shapeProblems);
        shapesReadable = shapes.isPresent();
        valuePredicates = shapes.map(sh -> valuePredicates(sh.getGraph())).orElse(null);
        if (!problems.isEmpty())
            inputFailed = true;
        if (!shapeProblems.isEmpty())
            anyFailed = true;
        progress.accept("pass 1: " + files.size() + " facts files, " + entities.size() + " entities, "
            + index.all().size() + " slugs");
    }

    /** {sha256, size} of a file. */
    private static String[] digest(Path p) {
        try {
            byte[] bytes = Files.readAllBytes(p);
            return new String[] { DigestUtils.sha256Hex(bytes), Long.toString(bytes.length) };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Pass 2: check, model and stream one facts file at a time.

    /** What one facts file contributes: its problems, counts, rendered dump pieces and shared statements. */
    private static final class Chunk {
        final Problems problems = new Problems();
        final Problems shapes = new Problems();
        long facts;
        long quads;
        long graphs;
        boolean rendered;
        StreamingDumps.Deflated nquads;
        StreamingDumps.Bytes trig;
        StreamingDumps.Bytes turtle;
        long[] digests = new long[0];
        Node[] predicates;
        Node[] objects;
        final List<Triple> shared = new ArrayList<>();
        final Map<Node, Location> sharedAt = new LinkedHashMap<>();
    }

    private Result pass2(ExecutorService pool, Path dir, Long epoch) throws IOException {
        boolean writing = dir != null;
        progress.accept("pass 2: checking and " + (writing ? "writing " : "") + files.size() + " facts files");
        StreamingDumps.HashedFile trig = null, nq = null, ttl = null;
        StreamingDumps.GzipConcatenation gz = null;
        StreamingVoid voidCounts = new StreamingVoid();
        List<StreamingSeeds.Seed> allSeeds = seeds.all();
        Set<String> coveredSeeds = new HashSet<>();
        files.stream().filter(FileInfo::coversSource).forEach(f -> coveredSeeds.add(f.sourceFile()));
        try {
            Future<Problems> headCheck = null;
            if (!inputFailed) {
                // The entity graphs and the build's own provenance: small, written first.
                List<Quad> entityQuads = new ArrayList<>();
                for (CuratedEntity e : entities)
                    for (Triple t : e.triples())
                        entityQuads.add(Quad.create(e.graph(), t));
                entityQuads.sort(Sorted.QUADS);
                TreeSet<Triple> headProv = new TreeSet<>(Sorted.TRIPLES);
                for (CuratedEntity e : entities)
                    headProv.addAll(prov.entity(e));
                List<Node> used = new ArrayList<>();
                for (StreamingSeeds.Seed s : allSeeds) {
                    if (!coveredSeeds.contains(s.fileName()))
                        headProv.addAll(ProvenanceModeller.source(s.description()));
                    used.add(Iris.source(s.stem()));
                }
                for (String rel : curationFiles) {
                    String[] d = curationDigests.get(rel);
                    headProv.addAll(ProvenanceModeller.curationFile(rel, d[0], Long.parseLong(d[1])));
                    used.add(Iris.curationFile(rel));
                }
                headProv.addAll(ProvenanceModeller.activity(activity, used, epoch, Pipeline.VERSION));
                if (shapesReadable)
                    headCheck = pool.submit(() -> checkHead(headProv, allSeeds));

                if (writing && !anyFailed) {
                    trig = new StreamingDumps.HashedFile(dir.resolve(DumpWriter.TRIG));
                    nq = new StreamingDumps.HashedFile(dir.resolve(DumpWriter.NQUADS_GZ));
                    ttl = new StreamingDumps.HashedFile(dir.resolve(DumpWriter.TURTLE));
                    gz = new StreamingDumps.GzipConcatenation(nq);
                    trig.write(StreamingDumps.header(RDFFormat.TRIG_BLOCKS));
                    byte[] turtleHeader = StreamingDumps.header(RDFFormat.TURTLE_BLOCKS);
                    ttl.write(turtleHeader);
                    List<Quad> head = new ArrayList<>(entityQuads);
                    headProv.forEach(t -> head.add(Quad.create(Iris.PROVENANCE_GRAPH, t)));
                    gz.append(StreamingDumps.deflate(new StreamingBlockWriter().nquads(head)));
                    new StreamingBlockWriter().trig(head).writeTo(trig);
                    List<Triple> flat = new ArrayList<>();
                    StreamingStatements statements = new StreamingStatements();
                    for (Quad q : entityQuads) {
                        Triple t = q.asTriple();
                        flat.add(t);
                        flat.addAll(statements.describe(q.getGraph(), t));
                        voidCounts.dataTriple(statements.lastDigest(), t.getPredicate(), t.getObject());
                    }
                    flat.addAll(headProv);
                    new StreamingBlockWriter().turtle(sortedDistinct(flat)).writeTo(ttl);
                    Files.createDirectories(dir.resolve(DumpWriter.SOURCES_DIR));
                    for (StreamingSeeds.Seed s : allSeeds)
                        if (!coveredSeeds.contains(s.fileName())) {
                            writeSourceFile(dir, s, new StreamingBlockWriter().turtle(
                                sortedDistinct(new ArrayList<>(ProvenanceModeller.source(s.description())))));
                        }
                    voidCounts.addQuads(entityQuads.size() + headProv.size());
                    voidCounts.addGraphs(entities.stream().map(CuratedEntity::graph).distinct().count());
                }
            }

            // The facts files, in parallel, consumed in name order.
            List<Triple> shared = new ArrayList<>();
            Map<Node, Location> sharedAt = new LinkedHashMap<>();
            AtomicInteger done = new AtomicInteger();
            int step = Math.max(1, files.size() / 10);
            final OutputStream trigOut = trig, ttlOut = ttl;
            final StreamingDumps.GzipConcatenation gzOut = gz;
            long[] facts = { 0 };
            inOrder(pool, files, f -> process(f, writing ? dir : null), c -> {
                problems.addAll(c.problems);
                shapeProblems.addAll(c.shapes);
                if (!c.problems.isEmpty())
                    inputFailed = true;
                if (!problems.isEmpty() || !shapeProblems.isEmpty())
                    anyFailed = true;
                facts[0] += c.facts;
                if (!anyFailed && c.rendered && gzOut != null) {
                    gzOut.append(c.nquads);
                    c.trig.writeTo(trigOut);
                    c.turtle.writeTo(ttlOut);
                    for (int i = 0; i < c.digests.length; i++)
                        voidCounts.dataTriple(c.digests[i], c.predicates[i], c.objects[i]);
                    voidCounts.addQuads(c.quads);
                    voidCounts.addGraphs(c.graphs);
                }
                if (!inputFailed) {
                    shared.addAll(c.shared);
                    c.sharedAt.forEach(sharedAt::putIfAbsent);
                }
                int n = done.incrementAndGet();
                if (n % step == 0 || n == files.size())
                    progress.accept("pass 2: " + n + "/" + files.size() + " facts files, " + facts[0] + " facts");
            });
            voidCounts.addFacts(facts[0]);

            if (headCheck != null)
                shapeProblems.addAll(get(headCheck));
            if (!inputFailed && shapesReadable && !shared.isEmpty())
                checkShared(shared, sharedAt);
            problems.throwIfAny();
            shapeProblems.throwIfAny();
            if (!writing)
                throw new IllegalStateException("pass 2 without output found no problem");

            // The ontology graph last, then the small files, the VoID description and the checksums.
            List<Quad> ontologyQuads = new ArrayList<>();
            for (Triple t : ontologyTriples)
                ontologyQuads.add(Quad.create(Iris.ONTOLOGY_GRAPH, t));
            ontologyQuads.sort(Sorted.QUADS);
            gz.append(StreamingDumps.deflate(new StreamingBlockWriter().nquads(ontologyQuads)));
            new StreamingBlockWriter().trig(ontologyQuads).writeTo(trig);
            voidCounts.addQuads(ontologyQuads.size());
            gz.finish();
            closeAll(trig, nq, ttl);
            checksums.put(DumpWriter.TRIG, trig.sha256());
            checksums.put(DumpWriter.NQUADS_GZ, nq.sha256());
            checksums.put(DumpWriter.TURTLE, ttl.sha256());
            trig = nq = ttl = null;

            progress.accept("writing the VoID description and checksums");
            List<String> written = new ArrayList<>(List.of(DumpWriter.TRIG, DumpWriter.NQUADS_GZ, DumpWriter.TURTLE));
            for (StreamingSeeds.Seed s : allSeeds)
                written.add(DumpWriter.SOURCES_DIR + "/" + s.stem() + ".ttl");
            Files.copy(project.resolve(Ontology.FILE), dir.resolve(DumpWriter.ONTOLOGY));
            written.add(DumpWriter.ONTOLOGY);
            Files.copy(project.resolve(ShapeCheck.FILE), dir.resolve(DumpWriter.SHAPES));
            written.add(DumpWriter.SHAPES);
            List<Node> sourceIris = allSeeds.stream().map(s -> Iris.source(s.stem())).toList();
            Node example = entities.isEmpty() ? null : Iris.entity(entities.get(0).record().slug());
            StreamingVoid.write(dir, DumpWriter.VOID,
                voidCounts.describe(sourceIris, entities.size(), example, dir, written, checksums, epoch));
            written.add(DumpWriter.VOID);
            StringBuilder sums = new StringBuilder();
            for (String f : written) {
                String sum = checksums.get(f);
                sums.append(sum != null ? sum : Checksums.sha256(dir.resolve(f))).append("  ").append(f).append('\n');
            }
            Files.writeString(dir.resolve(DumpWriter.SUMS), sums.toString());
            written.add(DumpWriter.SUMS);
            return new Result(voidCounts.facts(), entities.size(), voidCounts.quads(), allSeeds.size(), written);
        } finally {
            closeAll(trig, nq, ttl);
        }
    }

    /** Pass 2 for one facts file (on a worker thread); {@code dir} is null when nothing is written. */
    private Chunk process(FileInfo info, Path dir) {
        Chunk c = new Chunk();
        if (info.sourceFile() == null || index == null)
            return c;
        FactsFile ff; // the records pass 1 read (and reported the problems of)
        try {
            ff = StreamingRecords.read(info.records());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<SourceText> src = seeds.get(info.sourceFile()).isPresent()
            ? seeds.text(info.sourceFile(), c.problems) : Optional.empty();
        List<FactRecord> records = new ArrayList<>(SourceFacts.of(ff.source(), new Problems())); // (reported in pass 1)
        records.addAll(ff.facts());
        FactModeller modeller = new FactModeller(threadOntology.get(), index, c.problems);
        List<Fact> facts = new ArrayList<>();
        StreamingQuotes quotes = src.map(StreamingQuotes::new).orElse(null);
        for (FactRecord r : records) {
            if (r.id() == null || r.quote() == null || duplicates.contains(r.at()) || quotes == null)
                continue;
            Optional<QuoteMatch> q = quotes.locate(r.quote(), r.occurrence(), r.at(), r.id(), c.problems);
            Fact f = modeller.fact(r, q.orElse(null));
            if (q.isPresent())
                facts.add(f);
        }
        quotes = null;
        src = Optional.empty();
        c.facts = facts.size();
        if (inputFailed || !c.problems.isEmpty())
            return c; // the build fails: shapes are not checked and nothing is written

        List<Quad> factQuads = new ArrayList<>();
        Set<Node> graphs = new HashSet<>();
        List<List<Triple>> provRuns = new ArrayList<>();
        for (Fact f : facts) {
            for (Triple t : f.triples())
                factQuads.add(Quad.create(f.graph(), t));
            if (!f.triples().isEmpty())
                c.graphs++;
            graphs.add(f.graph());
            List<Triple> p = prov.fact(f);
            p.sort(Sorted.TRIPLES);
            provRuns.add(p);
        }
        StreamingSeeds.Seed seed = info.coversSource() ? seeds.get(info.sourceFile()).orElse(null) : null;
        if (seed != null) {
            List<Triple> p = ProvenanceModeller.source(seed.description());
            p.sort(Sorted.TRIPLES);
            provRuns.add(p);
        }
        List<Triple> provTriples = concatSorted(provRuns);
        provRuns = null;
        factQuads.sort(Sorted.QUADS); // (each fact's triples are distinct, and facts have distinct graphs)
        c.quads = factQuads.size() + provTriples.size();

        Shapes shapes = shapesReadable ? threadShapes.get() : null;
        Map<Node, Integer> ownerCache = new HashMap<>(); // ownerOf, for this file's nodes
        if (shapes != null) {
            Graph data = GraphFactory.createDefaultGraph();
            ontologyTriples.forEach(data::add);
            factQuads.forEach(q -> data.add(q.asTriple()));
            provTriples.forEach(data::add);
            Set<Node> included = new HashSet<>();
            for (Quad q : factQuads) {
                Integer owner = ownerOf(q.getSubject(), ownerCache);
                if (owner != null && owner == info.index())
                    include(data, q.getSubject(), included);
                if (valuePredicates == null || valuePredicates.contains(q.getPredicate()))
                    include(data, q.getObject(), included);
            }
            Map<Node, Location> where = new HashMap<>();
            for (Fact f : facts) {
                where.putIfAbsent(f.graph(), f.record().at());
                for (Triple t : f.triples())
                    where.putIfAbsent(t.getSubject(), f.record().at());
            }
            ShapeCheck.check(shapes, data, locator(where), x -> completeIn(x, info.index(), graphs, ownerCache), c.shapes);

            // Statements about things that other facts files describe too: checked at the end, together.
            for (Fact f : facts) {
                Map<Node, List<Triple>> partTypes = null;
                for (Triple t : f.triples()) {
                    Integer owner = ownerOf(t.getSubject(), ownerCache);
                    if (owner == null || owner != SHARED)
                        continue;
                    c.shared.add(t);
                    c.sharedAt.putIfAbsent(t.getSubject(), f.record().at());
                    if (t.getObject().isURI() && t.getObject().getURI().startsWith(Iris.FACT)) {
                        if (partTypes == null) {
                            partTypes = new HashMap<>();
                            for (Triple u : f.triples())
                                if (u.getPredicate().equals(Vocab.TYPE))
                                    partTypes.computeIfAbsent(u.getSubject(), k -> new ArrayList<>()).add(u);
                        }
                        c.shared.addAll(partTypes.getOrDefault(t.getObject(), List.of()));
                    }
                }
            }
            if (!c.shapes.isEmpty())
                return c;
        }
        if (dir == null || anyFailed)
            return c;

        List<Quad> quads = new ArrayList<>(factQuads.size() + provTriples.size());
        quads.addAll(factQuads);
        provTriples.forEach(t -> quads.add(Quad.create(Iris.PROVENANCE_GRAPH, t)));
        StreamingBlockWriter writer = new StreamingBlockWriter();
        c.nquads = StreamingDumps.deflate(writer.nquads(quads));
        c.trig = writer.trig(quads);
        int n = factQuads.size();
        List<Triple> data = new ArrayList<>(n);
        List<List<Triple>> statementRuns = new ArrayList<>(n);
        c.digests = new long[n];
        c.predicates = new Node[n];
        c.objects = new Node[n];
        StreamingStatements statements = new StreamingStatements(writer);
        for (int i = 0; i < n; i++) {
            Quad q = factQuads.get(i);
            Triple t = q.asTriple();
            data.add(t);
            List<Triple> st = new ArrayList<>(statements.describe(q.getGraph(), t));
            st.sort(Sorted.TRIPLES);
            statementRuns.add(st);
            c.digests[i] = statements.lastDigest();
            c.predicates[i] = t.getPredicate();
            c.objects[i] = t.getObject();
        }
        c.turtle = writer.turtle(flat(data, statementRuns, provTriples));
        if (seed != null) {
            try {
                writeSourceFile(dir, seed, c.turtle);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        c.rendered = true;
        return c;
    }

    /**
     * Runs each sorted, concatenated in the order of their first triples: sorted as a whole when
     * each run's triples all come before the next run's (as a fact's provenance does, all its
     * subjects being its IRI or fragments of it); else, or if a triple repeats, sorted again.
     */
    static List<Triple> concatSorted(List<List<Triple>> runs) {
        runs.removeIf(List::isEmpty);
        runs.sort((a, b) -> Sorted.TRIPLES.compare(a.get(0), b.get(0)));
        List<Triple> out = new ArrayList<>();
        for (List<Triple> r : runs)
            out.addAll(r);
        for (int i = 1; i < out.size(); i++)
            if (Sorted.TRIPLES.compare(out.get(i - 1), out.get(i)) >= 0)
                return sortedDistinct(out);
        return out;
    }

    /**
     * The flat dump's triples of one facts file, sorted and distinct: the data triples, the
     * statement nodes (one sorted run each) and the provenance (sorted), merged.
     */
    static List<Triple> flat(List<Triple> data, List<List<Triple>> statementRuns, List<Triple> prov) {
        data.sort(Sorted.TRIPLES);
        List<Triple> statements = concatSorted(statementRuns);
        List<Triple> out = new ArrayList<>(data.size() + statements.size() + prov.size());
        int i = 0, j = 0, k = 0;
        Triple last = null;
        while (i < data.size() || j < statements.size() || k < prov.size()) {
            Triple next = null;
            int from = -1;
            if (i < data.size()) {
                next = data.get(i);
                from = 0;
            }
            if (j < statements.size() && (next == null || Sorted.TRIPLES.compare(statements.get(j), next) < 0)) {
                next = statements.get(j);
                from = 1;
            }
            if (k < prov.size() && (next == null || Sorted.TRIPLES.compare(prov.get(k), next) < 0)) {
                next = prov.get(k);
                from = 2;
            }
            if (from == 0)
                i++;
            else if (from == 1)
                j++;
            else
                k++;
            if (last == null || Sorted.TRIPLES.compare(last, next) != 0)
                out.add(last = next);
        }
        return out;
    }

    /** Sorted as the dumps are ({@link Sorted#TRIPLES}), each triple once. */
    static List<Triple> sortedDistinct(List<Triple> triples) {
        triples.sort(Sorted.TRIPLES);
        List<Triple> out = new ArrayList<>(triples.size());
        for (Triple t : triples)
            if (out.isEmpty() || Sorted.TRIPLES.compare(out.get(out.size() - 1), t) != 0)
                out.add(t);
        return out;
    }

    private void writeSourceFile(Path dir, StreamingSeeds.Seed seed, StreamingDumps.Bytes body) throws IOException {
        String name = DumpWriter.SOURCES_DIR + "/" + seed.stem() + ".ttl";
        StreamingDumps.HashedFile out = new StreamingDumps.HashedFile(dir.resolve(name));
        try (out) {
            out.write(StreamingDumps.header(RDFFormat.TURTLE_BLOCKS));
            body.writeTo(out);
        }
        checksums.put(name, out.sha256());
    }

    // ------------------------------------------------------------------------------------------
    // Shapes over part of the data.

    /** Adds what the shapes need to know about a node that a statement mentions: its entity record, type or description. */
    private void include(Graph data, Node n, Set<Node> included) {
        if (!n.isURI())
            return;
        String u = n.getURI();
        if (u.startsWith(Iris.ID)) {
            CuratedEntity e = entityByIri.get(n);
            if (e != null) {
                if (included.add(n))
                    e.triples().forEach(data::add);
                return;
            }
            Optional<Thing> t = index.get(u.substring(Iris.ID.length()));
            if (t.isPresent() && t.get().type() != null)
                data.add(Triple.create(n, Vocab.TYPE, t.get().type()));
        } else if (u.startsWith(Iris.SOURCE) && u.indexOf('#') < 0 && included.add(n)) {
            seeds.byStem(u.substring(Iris.SOURCE.length()))
                .ifPresent(s -> ProvenanceModeller.source(s.description()).forEach(data::add));
        }
    }

    /**
     * The predicates of the property shapes that look at their values' own statements (a class,
     * a node shape, a qualified or combined shape): the data of a facts file then needs what it
     * refers to by them (their type, entity record or source description). Null, meaning every
     * predicate, if the shapes use a path or a target that this does not follow.
     */
    static Set<Node> valuePredicates(Graph shapes) {
        String sh = "http://www.w3.org/ns/shacl#";
        for (String unusual : List.of("inversePath", "alternativePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath",
            "targetSubjectsOf", "targetObjectsOf", "targetNode", "target", "sparql"))
            if (shapes.find(Node.ANY, Iris.uri(sh + unusual), Node.ANY).hasNext())
                return null;
        Set<Node> inspecting = Set.of(Iris.uri(sh + "class"), Iris.uri(sh + "node"), Iris.uri(sh + "qualifiedValueShape"),
            Iris.uri(sh + "or"), Iris.uri(sh + "and"), Iris.uri(sh + "xone"), Iris.uri(sh + "not"), Iris.uri(sh + "property"));
        Set<Node> out = new HashSet<>();
        for (Triple t : shapes.find(Node.ANY, Iris.uri(sh + "path"), Node.ANY).toList()) {
            if (!t.getObject().isURI())
                return null; // a sequence path
            boolean looks = false;
            for (Node c : inspecting)
                looks |= shapes.find(t.getSubject(), c, Node.ANY).hasNext();
            if (looks)
                out.add(t.getObject());
        }
        return out;
    }

    /** The facts file that describes a slug or source ({@link #SHARED} if several do), or null if none does. */
    private Integer ownerOf(Node n) {
        if (!n.isURI())
            return null;
        String u = n.getURI();
        if (u.startsWith(Iris.ID))
            return owners.get(u.substring(Iris.ID.length()));
        if (u.startsWith(Iris.SOURCE) && u.indexOf('#') < 0)
            return owners.get(ThingIndex.SOURCE_REF + u.substring(Iris.SOURCE.length()));
        return null;
    }

    /** {@link #ownerOf}, remembered (NONE for none). */
    private Integer ownerOf(Node n, Map<Node, Integer> known) {
        Integer o = known.get(n);
        if (o == null) {
            o = ownerOf(n);
            known.put(n, o == null ? NONE : o);
            return o;
        }
        return o == NONE ? null : o;
    }

    private static final Integer NONE = Integer.MIN_VALUE;

    /** True if every statement about {@code x} is in the data of facts file {@code file}. */
    private boolean completeIn(Node x, int file, Set<Node> factGraphs, Map<Node, Integer> known) {
        if (!x.isURI())
            return false;
        String u = x.getURI();
        if (u.startsWith(Iris.FACT)) {
            int hash = u.indexOf('#');
            return factGraphs.contains(hash < 0 ? x : Iris.uri(u.substring(0, hash)));
        }
        Integer owner = ownerOf(x, known);
        return owner != null && owner == file;
    }

    private Function<Node, Location> locator(Map<Node, Location> where) {
        return x -> {
            CuratedEntity e = entityByIri.get(x);
            return e != null ? e.record().at() : where.get(x);
        };
    }

    /** Entities and sources that no fact describes, the curation graphs, the build and the ontology. */
    private Problems checkHead(TreeSet<Triple> headProv, List<StreamingSeeds.Seed> allSeeds) {
        Problems ps = new Problems();
        Graph data = GraphFactory.createDefaultGraph();
        ontologyTriples.forEach(data::add);
        for (CuratedEntity e : entities)
            e.triples().forEach(data::add);
        headProv.forEach(data::add);
        for (StreamingSeeds.Seed s : allSeeds)
            ProvenanceModeller.source(s.description()).forEach(data::add);
        Predicate<Node> whole = x -> !(x.isURI() && x.getURI().startsWith(Iris.FACT)) && ownerOf(x) == null;
        ShapeCheck.check(threadShapes.get(), data, locator(Map.of()), whole, ps);
        return ps;
    }

    /** Nodes, entities and sources that several facts files describe, with all their statements. */
    private void checkShared(List<Triple> shared, Map<Node, Location> sharedAt) {
        progress.accept("checking " + sharedAt.size() + " things that several facts files describe");
        Graph data = GraphFactory.createDefaultGraph();
        ontologyTriples.forEach(data::add);
        shared.forEach(data::add);
        Set<Node> included = new HashSet<>();
        for (Node x : sharedAt.keySet())
            include(data, x, included);
        for (Triple t : shared)
            if (valuePredicates == null || valuePredicates.contains(t.getPredicate()))
                include(data, t.getObject(), included);
        Predicate<Node> whole = x -> {
            Integer owner = ownerOf(x);
            return owner != null && owner == SHARED;
        };
        ShapeCheck.check(ShapeCheck.shapes(project, shapeProblems).orElseThrow(), data, locator(sharedAt), whole,
            shapeProblems);
    }

    // ------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Sink<R> {
        void accept(R r) throws IOException;
    }

    /**
     * Runs {@code work} over {@code items} on the pool, a few at a time, and hands the results to
     * {@code sink} on this thread in the order of {@code items}.
     */
    private <T, R> void inOrder(ExecutorService pool, List<T> items, Function<T, R> work, Sink<R> sink) throws IOException {
        int window = threads + 1; // few pieces in flight: they are large, and survive young collections
        ArrayDeque<Future<R>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            while (next < items.size() || !pending.isEmpty()) {
                while (next < items.size() && pending.size() < window) {
                    T item = items.get(next++);
                    pending.add(pool.submit(() -> work.apply(item)));
                }
                sink.accept(get(pending.poll()));
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    private static <R> R get(Future<R> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedIOException u)
                throw u.getCause();
            if (c instanceof IOException io)
                throw io;
            if (c instanceof RuntimeException r)
                throw r;
            if (c instanceof Error err)
                throw err;
            throw new IllegalStateException(c);
        }
    }

    private static void closeAll(OutputStream... outs) throws IOException {
        IOException first = null;
        for (OutputStream o : outs) {
            if (o == null)
                continue;
            try {
                o.close();
            } catch (IOException e) {
                if (first == null)
                    first = e;
            }
        }
        if (first != null)
            throw first;
    }
}
