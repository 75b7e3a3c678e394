package org.w3id.ftkg.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.w3id.ftkg.validate.Problems;
import org.w3id.ftkg.validate.SeedSet;
import org.w3id.ftkg.validate.SourceText;

/**
 * The source documents as {@link SeedSet} checks them (listed in {@code seeds/SHA256SUMS}, intact,
 * UTF-8), without holding their texts: {@link #load} reads one file at a time and keeps only its
 * name, checksum and size; {@link #text} reads one text again when its facts are checked.
 */
final class StreamingSeeds {
    /** A listed, intact source: what its provenance description needs. */
    record Seed(String fileName, String sha256, long byteSize) {
        String stem() {
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }

        /** The source without its text: enough for {@code ProvenanceModeller.source}. */
        SourceText description() {
            return new SourceText(fileName, "", sha256, byteSize);
        }
    }

    private final Path project;
    private final Map<String, Seed> seeds;
    private final Map<String, Seed> byStem = new java.util.HashMap<>();
    private final Map<String, String> sums;

    private StreamingSeeds(Path project, Map<String, Seed> seeds, Map<String, String> sums) {
        this.project = project;
        this.seeds = seeds;
        this.sums = sums;
        seeds.values().forEach(s -> byStem.putIfAbsent(s.stem(), s));
    }

    /** Checks every listed source with the same problems as {@link SeedSet#load}. */
    static StreamingSeeds load(Path project, Problems problems) {
        Path dir = project.resolve(SeedSet.DIR);
        Map<String, String> sums = SeedSet.readSums(dir, problems);
        Map<String, Seed> seeds = new LinkedHashMap<>();
        for (var e : sums.entrySet()) {
            String name = e.getKey();
            read(project, name, e.getValue(), problems).ifPresent(t -> seeds.put(name,
                new Seed(name, t.sha256(), t.byteSize())));
        }
        return new StreamingSeeds(project, seeds, sums);
    }

    /** Reads and checks one source (its text is dropped by the caller once its facts are checked). */
    private static Optional<SourceText> read(Path project, String name, String expected, Problems problems) {
        return SeedSet.readSource(project.resolve(SeedSet.DIR), name, expected, problems);
    }

    /** The text of a listed, intact source, read again and checked again (it must not change during a build). */
    Optional<SourceText> text(String fileName, Problems problems) {
        Seed s = seeds.get(fileName);
        return s == null ? Optional.empty() : read(project, fileName, s.sha256(), problems);
    }

    Optional<Seed> get(String fileName) {
        return Optional.ofNullable(seeds.get(fileName));
    }

    Optional<Seed> byStem(String stem) {
        return Optional.ofNullable(byStem.get(stem));
    }

    boolean isListed(String fileName) {
        return sums.containsKey(fileName);
    }

    /** The intact sources, in file-name order (as {@link SeedSet#all}). */
    List<Seed> all() {
        return new ArrayList<>(seeds.values());
    }
}
