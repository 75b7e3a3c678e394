package org.w3id.ftkg.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.io.function.Uncheck;
import org.apache.jena.graph.Node;
import org.w3id.ftkg.curation.CurationReader;
import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.FactsFile;
import org.w3id.ftkg.curation.NodeSpec;
import org.w3id.ftkg.curation.StatementSpec;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.digest.Sha256.FileDigest;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.FactModeller;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.SourceFacts;
import org.w3id.ftkg.model.ThingIndex;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.source.SeedSet;
import org.w3id.ftkg.shapes.ShapeCheck;

/**
 * What references across files need, read in pass 1: slugs, entities, sources, the facts file describing each
 * slug ({@link #SHARED} if several do), duplicate fact ids, the activity. Records wait in {@link RecordSpill} files.
 */
public record CorpusIndex(Ontology ontology, ThingIndex things, SeedSet seeds, List<CuratedEntity> entities,
                          List<FactsFileEntry> factsFiles, Map<String, Integer> owners, Set<Location> duplicates,
                          BuildActivity activity) {
    /** The owner of a slug that facts of several files describe. */
    public static final int SHARED = -1;

    /** A facts file that could be read, with where its records wait for the second pass. */
    public record FactsFileEntry(int index, String path, String sourceFile, boolean coversSource, Path records) {}

    /** Pass 1: reads the curation (facts files on the workers, in order); empty if there is no ontology. */
    public static Optional<CorpusIndex> read(Path project, Path spill, OrderedWork work, Problems problems)
        throws IOException {
        CurationReader reader = new CurationReader(project);
        List<String> entityFiles = reader.entityFiles(problems);
        List<String> factFiles = reader.factFiles(problems);
        List<EntityRecord> entityRecords = new ArrayList<>();
        for (String f : entityFiles)
            entityRecords.addAll(reader.readEntityFile(f, problems));
        Ontology ontology = Ontology.load(project, problems).orElse(null);
        SeedSet seeds = SeedSet.load(project, problems);
        ThingIndex.Builder things = ontology == null ? null : new ThingIndex.Builder(ontology, problems);
        if (things != null)
            things.entities(entityRecords);

        Map<String, FileDigest> curationFiles = new HashMap<>(); // every input but the seeds (BuildActivity sorts them)
        List<FactsFileEntry> files = new ArrayList<>();
        Map<String, Integer> owners = new HashMap<>();
        Set<Location> duplicates = new HashSet<>();
        Map<String, Location> factIds = new HashMap<>();
        Set<String> covered = new HashSet<>();
        record Parsed(String path, Optional<FactsFile> file, Problems problems, FileDigest digest, Path records) {}
        work.inOrder(factFiles, path -> {
            Problems ps = new Problems();
            Optional<FactsFile> ff = reader.readFactsFile(path, ps);
            if (ff.isEmpty())
                return new Parsed(path, ff, ps, null, null);
            Path records = spill.resolve(Path.of(path).getFileName() + ".records"); // (the facts files share one folder)
            Uncheck.accept(RecordSpill::write, records, ff.get());
            return new Parsed(path, ff, ps, Uncheck.apply(Sha256::of, project.resolve(path)), records);
        }, p -> {
            problems.addAll(p.problems());
            if (p.file().isEmpty())
                return;
            FactsFile ff = p.file().get();
            curationFiles.put(p.path(), p.digest());
            int idx = files.size();
            if (things != null)
                things.nodes(ff);
            String file = ff.source().file();
            boolean covers = false;
            if (file != null) {
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
                for (FactRecord r : records) {
                    for (StatementSpec st : r.statements())
                        if (st.s() != null)
                            owners.merge(st.s(), idx, (a, b) -> a.equals(b) ? a : SHARED);
                    for (NodeSpec n : r.nodes()) {
                        String slug = n.id() != null ? n.id() : r.id();
                        if (slug != null)
                            owners.merge(slug, idx, (a, b) -> a.equals(b) ? a : SHARED);
                    }
                    if (r.id() != null && r.quote() != null && !registerFactId(r, factIds, problems))
                        duplicates.add(r.at());
                }
            }
            files.add(new FactsFileEntry(idx, p.path(), file, covers, p.records()));
        });
        if (things == null)
            return Optional.empty();
        ThingIndex index = things.finish();

        // The build activity is named by a digest of every input.
        for (String rel : Stream.concat(entityFiles.stream(), Stream.of(Ontology.FILE, ShapeCheck.FILE)).toList())
            curationFiles.put(rel, Sha256.of(project.resolve(rel)));
        BuildActivity activity = BuildActivity.of(curationFiles, seeds.all());

        FactModeller modeller = new FactModeller(ontology, index, problems);
        List<CuratedEntity> entities = new ArrayList<>();
        for (EntityRecord e : entityRecords)
            modeller.entity(e).ifPresent(entities::add);
        return Optional.of(new CorpusIndex(ontology, index, seeds, List.copyOf(entities), List.copyOf(files),
            Collections.unmodifiableMap(owners), Collections.unmodifiableSet(duplicates), activity));
    }

    /** Checks a fact id's form and that it is new; false (with a problem) for a duplicate. */
    private static boolean registerFactId(FactRecord r, Map<String, Location> factIds, Problems problems) {
        if (!ThingIndex.SLUG.matcher(r.id()).matches())
            problems.add(r.at(), "fact id '" + r.id() + "' is not kebab-case ASCII");
        Location prior = factIds.putIfAbsent(r.id(), r.at());
        if (prior != null)
            problems.add(r.at(), "duplicate fact id '" + r.id() + "' (already used at " + prior + ")");
        return prior == null;
    }

    /** The facts file that describes a slug or source ({@link #SHARED} if several do), or null if none does. */
    public Integer ownerOf(Node n) {
        if (!n.isURI())
            return null;
        String u = n.getURI();
        if (u.startsWith(Iris.ID))
            return owners.get(u.substring(Iris.ID.length()));
        if (u.startsWith(Iris.SOURCE) && u.indexOf('#') < 0)
            return owners.get(ThingIndex.SOURCE_REF + u.substring(Iris.SOURCE.length()));
        return null;
    }
}
