package org.w3id.ftkg.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.files.InputFile;

/**
 * The source documents in {@code seeds/}, checked against {@code seeds/SHA256SUMS}: a source whose
 * bytes changed would silently shift every quote offset, so it fails the build. Only each file's
 * name, checksum and size are kept; {@link #text} reads one text again when its facts are checked,
 * so that memory does not grow with the corpus.
 */
public final class SeedSet {
    public static final String DIR = "seeds";
    public static final String SUMS = "SHA256SUMS";
    private static final String SUMS_NAME = DIR + "/" + SUMS;

    /** A listed, intact source: what its provenance description needs. */
    public record Seed(String fileName, String sha256, long byteSize) {
        /** The file name without its extension: the {stem} of the source IRI. */
        public String stem() {
            int dot = fileName.lastIndexOf('.');
            return dot > 0 ? fileName.substring(0, dot) : fileName;
        }

        /** The source without its text: enough for its provenance description. */
        public SourceText description() {
            return new SourceText(fileName, "", sha256, byteSize);
        }
    }

    private final Path project;
    private final Map<String, Seed> seeds;
    private final Map<String, Seed> byStem = new HashMap<>();
    private final Map<String, String> sums;

    private SeedSet(Path project, Map<String, Seed> seeds, Map<String, String> sums) {
        this.project = project;
        this.seeds = seeds;
        this.sums = sums;
        seeds.values().forEach(s -> byStem.putIfAbsent(s.stem(), s));
    }

    /** The lines of {@code seeds/SHA256SUMS} (file name to SHA-256), every malformed line reported. */
    static Map<String, String> readSums(Path dir, Problems problems) {
        Map<String, String> sums = new TreeMap<>();
        Optional<String> refused = InputFile.problem(dir, dir.resolve(SUMS));
        if (refused.isPresent() && !refused.get().equals("is missing")) {
            problems.add(Location.ofFile(SUMS_NAME), "cannot read: it " + refused.get());
            return sums;
        }
        try {
            List<String> lines = Files.readAllLines(dir.resolve(SUMS), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.isEmpty())
                    continue;
                var m = java.util.regex.Pattern.compile("([0-9a-f]{64}) [ *](.+)").matcher(l);
                if (!m.matches() || m.group(2).contains("/") || m.group(2).contains("\\")) {
                    problems.add(new Location(SUMS_NAME, i + 1, 1), "not a 'sha256  file-name' line");
                    continue;
                }
                sums.put(m.group(2), m.group(1));
            }
        } catch (IOException e) {
            problems.add(Location.ofFile(SUMS_NAME), "cannot read: " + e.getMessage());
        }
        return sums;
    }

    /** Checks every listed source (one text in memory at a time). */
    public static SeedSet load(Path project, Problems problems) {
        Map<String, String> sums = readSums(project.resolve(DIR), problems);
        Map<String, Seed> seeds = new LinkedHashMap<>();
        for (var e : sums.entrySet())
            read(project, e.getKey(), e.getValue(), problems)
                .ifPresent(t -> seeds.put(e.getKey(), new Seed(e.getKey(), t.sha256(), t.byteSize())));
        return new SeedSet(project, seeds, sums);
    }

    /**
     * Reads one listed source and checks it: a regular file inside {@code seeds/} ({@link InputFile}:
     * a symbolic link only to a file beside it, never a pipe or a device), its SHA-256 the one
     * listed, its bytes UTF-8. Every failure is a problem located at the file.
     */
    private static Optional<SourceText> read(Path project, String name, String expected, Problems problems) {
        String rel = DIR + "/" + name;
        Path dir = project.resolve(DIR);
        Path p = dir.resolve(name);
        Optional<String> refused = InputFile.problem(dir, p);
        if (refused.isPresent()) {
            problems.add(Location.ofFile(rel), refused.get().equals("is missing")
                ? "source file is missing or unreadable (listed in " + SUMS_NAME + ")"
                : "source file " + refused.get() + " (listed in " + SUMS_NAME + ")");
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            String actual = Sha256.hex(bytes);
            if (!actual.equals(expected)) {
                problems.add(Location.ofFile(rel), "SHA-256 is " + actual + " but " + SUMS_NAME + " says "
                    + expected + ": the source changed, so its quote offsets cannot be trusted");
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(new SourceText(name, text, actual, bytes.length));
        } catch (CharacterCodingException ex) {
            problems.add(Location.ofFile(rel), "not valid UTF-8 text");
        } catch (IOException ex) {
            problems.add(Location.ofFile(rel), "source file is missing or unreadable (listed in " + SUMS_NAME + ")");
        }
        return Optional.empty();
    }

    /** The text of a listed, intact source, read and checked again (it must not change during a build). */
    public Optional<SourceText> text(String fileName, Problems problems) {
        Seed s = seeds.get(fileName);
        return s == null ? Optional.empty() : read(project, fileName, s.sha256(), problems);
    }

    /** The source, if it is listed in SHA256SUMS and intact. */
    public Optional<Seed> get(String fileName) {
        return Optional.ofNullable(seeds.get(fileName));
    }

    public Optional<Seed> byStem(String stem) {
        return Optional.ofNullable(byStem.get(stem));
    }

    public boolean isListed(String fileName) {
        return sums.containsKey(fileName);
    }

    /** The intact sources, in file-name order. */
    public List<Seed> all() {
        return List.copyOf(seeds.values());
    }
}
