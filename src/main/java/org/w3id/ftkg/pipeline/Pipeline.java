package org.w3id.ftkg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.ftkg.curation.Curation;
import org.w3id.ftkg.curation.CurationReader;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.FactsFile;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.FactModeller;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.SourceFacts;
import org.w3id.ftkg.model.ThingIndex;
import org.w3id.ftkg.provenance.ProvenanceModeller;
import org.w3id.ftkg.validate.InvalidInputException;
import org.w3id.ftkg.validate.Location;
import org.w3id.ftkg.validate.Problems;
import org.w3id.ftkg.validate.QuoteLocator;
import org.w3id.ftkg.validate.QuoteMatch;
import org.w3id.ftkg.validate.SeedSet;
import org.w3id.ftkg.validate.ShapeCheck;
import org.w3id.ftkg.validate.SourceText;

/**
 * Curated YAML to a checked, provenanced RDF dataset: read, check names and quotes, model,
 * add provenance, check shapes. Writes nothing; every problem found is thrown at once.
 */
public final class Pipeline {
    public static final String VERSION = "0.1.0";

    private Pipeline() {}

    /**
     * @param sourceDateEpoch seconds since the epoch to record as the build time, or null for none
     *                        (reproducible builds: never the wall clock)
     * @throws InvalidInputException listing every problem in the input
     */
    public static KnowledgeGraph build(Path project, Long sourceDateEpoch) {
        return build(project, sourceDateEpoch, msg -> {});
    }

    /** As {@link #build(Path, Long)}, telling {@code progress} which stage it is in. */
    public static KnowledgeGraph build(Path project, Long sourceDateEpoch, java.util.function.Consumer<String> progress) {
        Problems problems = new Problems();
        progress.accept("reading curation files");
        Curation curation = new CurationReader(project).read(problems);
        Optional<Ontology> ontologyOpt = Ontology.load(project, problems);
        SeedSet seeds = SeedSet.load(project, problems);
        if (ontologyOpt.isEmpty())
            problems.throwIfAny();
        Ontology ontology = ontologyOpt.get();
        ThingIndex things = ThingIndex.build(curation, ontology, problems);
        FactModeller modeller = new FactModeller(ontology, things, problems);

        progress.accept("modelling entities and facts, checking quotes");
        List<CuratedEntity> entities = new ArrayList<>();
        curation.entities().forEach(e -> modeller.entity(e).ifPresent(entities::add));

        List<Fact> facts = new ArrayList<>();
        Map<String, Location> factIds = new HashMap<>();
        Set<String> coveredSources = new HashSet<>();
        for (FactsFile ff : curation.factFiles()) {
            String file = ff.source().file();
            if (file == null)
                continue;
            Optional<SourceText> src = seeds.get(file);
            if (!seeds.isListed(file))
                problems.add(ff.source().at(), "source file '" + file + "' is not in " + SeedSet.DIR + "/" + SeedSet.SUMS);
            if (!coveredSources.add(file))
                problems.add(ff.source().at(), "another facts file already covers " + file);
            String stem = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            if (!ff.path().equals("data/facts/" + stem + ".yaml"))
                problems.add(ff.source().at(), "the facts file for " + file + " must be named data/facts/" + stem + ".yaml");
            List<FactRecord> records = new ArrayList<>(SourceFacts.of(ff.source(), problems));
            records.addAll(ff.facts());
            for (FactRecord r : records) {
                if (r.id() == null || r.quote() == null)
                    continue;
                if (!registerFactId(r, factIds, problems))
                    continue;
                if (src.isEmpty())
                    continue;
                Optional<QuoteMatch> q = QuoteLocator.locate(src.get(), r.quote(), r.occurrence(), r.at(), r.id(), problems);
                Fact f = modeller.fact(r, q.orElse(null));
                if (q.isPresent())
                    facts.add(f);
            }
        }
        problems.throwIfAny();

        progress.accept("adding provenance for " + facts.size() + " facts");
        DatasetGraph dsg = DatasetGraphFactory.create();
        Node activity = Iris.uri(Iris.ACTIVITY + "build-" + inputsDigest(project, curation, seeds).substring(0, 16));
        ProvenanceModeller prov = new ProvenanceModeller(activity);
        Node pg = Iris.PROVENANCE_GRAPH;
        for (CuratedEntity e : entities) {
            e.triples().forEach(t -> dsg.add(e.graph(), t.getSubject(), t.getPredicate(), t.getObject()));
            prov.entity(e).forEach(t -> dsg.add(pg, t.getSubject(), t.getPredicate(), t.getObject()));
        }
        for (Fact f : facts) {
            f.triples().forEach(t -> dsg.add(f.graph(), t.getSubject(), t.getPredicate(), t.getObject()));
            prov.fact(f).forEach(t -> dsg.add(pg, t.getSubject(), t.getPredicate(), t.getObject()));
        }
        List<Node> used = new ArrayList<>();
        for (SourceText s : seeds.all()) {
            ProvenanceModeller.source(s).forEach(t -> dsg.add(pg, t.getSubject(), t.getPredicate(), t.getObject()));
            used.add(Iris.source(s.stem()));
        }
        for (String rel : curationFiles(curation)) {
            byte[] bytes = read(project.resolve(rel));
            ProvenanceModeller.curationFile(rel, DigestUtils.sha256Hex(bytes), bytes.length)
                .forEach(t -> dsg.add(pg, t.getSubject(), t.getPredicate(), t.getObject()));
            used.add(Iris.curationFile(rel));
        }
        ProvenanceModeller.activity(activity, used, sourceDateEpoch, VERSION)
            .forEach(t -> dsg.add(pg, t.getSubject(), t.getPredicate(), t.getObject()));
        ontology.graph().find().forEachRemaining(t -> dsg.add(Iris.ONTOLOGY_GRAPH, t.getSubject(), t.getPredicate(), t.getObject()));

        progress.accept("checking SHACL shapes");
        checkShapes(project, dsg, facts, entities, problems);
        problems.throwIfAny();
        return new KnowledgeGraph(dsg, List.copyOf(facts), List.copyOf(entities), seeds.all(), ontology);
    }

    private static void checkShapes(Path project, DatasetGraph dsg, List<Fact> facts, List<CuratedEntity> entities,
                                    Problems problems) {
        Graph union = GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> union.add(q.asTriple()));
        // A violation is reported at the curation line that made its focus node.
        Map<Node, Location> where = new HashMap<>();
        for (CuratedEntity e : entities)
            where.putIfAbsent(e.triples().get(0).getSubject(), e.record().at());
        for (Fact f : facts) {
            where.putIfAbsent(f.graph(), f.record().at());
            for (Triple t : f.triples())
                where.putIfAbsent(t.getSubject(), f.record().at());
        }
        ShapeCheck.check(project, union, where::get, problems);
    }

    /** Checks a fact id's form and that it is new; false (with a problem) for a duplicate. Shared with the streaming build. */
    static boolean registerFactId(FactRecord r, Map<String, Location> factIds, Problems problems) {
        if (!ThingIndex.SLUG.matcher(r.id()).matches())
            problems.add(r.at(), "fact id '" + r.id() + "' is not kebab-case ASCII");
        Location prior = factIds.putIfAbsent(r.id(), r.at());
        if (prior != null)
            problems.add(r.at(), "duplicate fact id '" + r.id() + "' (already used at " + prior + ")");
        return prior == null;
    }

    /** Every file the build reads besides the seeds, in a stable order. */
    static List<String> curationFiles(Curation c) {
        List<String> out = new ArrayList<>(c.entityFiles());
        c.factFiles().forEach(ff -> out.add(ff.path()));
        out.add(Ontology.FILE);
        out.add(ShapeCheck.FILE);
        return out;
    }

    private static String inputsDigest(Path project, Curation c, SeedSet seeds) {
        TreeMap<String, String> inputs = new TreeMap<>();
        for (String rel : curationFiles(c))
            inputs.put(rel, DigestUtils.sha256Hex(read(project.resolve(rel))));
        for (SourceText s : seeds.all())
            inputs.put(SeedSet.DIR + "/" + s.fileName(), s.sha256());
        StringBuilder sb = new StringBuilder();
        inputs.forEach((k, v) -> sb.append(v).append("  ").append(k).append('\n'));
        return DigestUtils.sha256Hex(sb.toString());
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
