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
import java.util.regex.Pattern;

import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.files.InputFile;

/** The sources in {@code seeds/}, checked against its SHA256SUMS (a change shifts offsets); texts are not kept. */
public final class SeedSet {
    public static final String DIR = "seeds";
    public static final String SUMS = "SHA256SUMS";
    private static final String SUMS_NAME = DIR + "/" + SUMS;
    private static final Pattern SUMS_LINE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");

    /** A listed, intact source: what its provenance description needs. */
    public record Seed(String fileName, String sha256, long byteSize) {
        public String stem() {
            return SourceText.stem(fileName);
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

    /** Checks every listed source (one text in memory at a time). */
    public static SeedSet load(Path project, Problems problems) {
        Map<String, String> sums = readSums(project.resolve(DIR), problems);
        Map<String, Seed> seeds = new LinkedHashMap<>();
        sums.forEach((name, sha) -> read(project, name, sha, problems)
            .ifPresent(t -> seeds.put(name, new Seed(name, t.sha256(), t.byteSize()))));
        return new SeedSet(project, seeds, sums);
    }

    /** The lines of {@code seeds/SHA256SUMS} (file name to SHA-256), every malformed line reported. */
    private static Map<String, String> readSums(Path dir, Problems problems) {
        Map<String, String> sums = new TreeMap<>();
        Optional<String> refused = InputFile.problem(dir, dir.resolve(SUMS));
        if (refused.isPresent() && !refused.get().equals("is missing")) {
            problems.add(Location.ofFile(SUMS_NAME), "cannot read: it " + refused.get());
            return sums;
        }
        try {
            List<String> lines = Files.readAllLines(dir.resolve(SUMS), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank())
                    continue;
                var m = SUMS_LINE.matcher(lines.get(i).strip());
                if (!m.matches() || m.group(2).contains("/") || m.group(2).contains("\\"))
                    problems.add(new Location(SUMS_NAME, i + 1, 1), "not a 'sha256  file-name' line");
                else
                    sums.put(m.group(2), m.group(1));
            }
        } catch (IOException e) {
            problems.add(Location.ofFile(SUMS_NAME), "cannot read: " + e.getMessage());
        }
        return sums;
    }

    /** Reads one listed source: a regular file inside {@code seeds/} ({@link InputFile}), the listed SHA-256, UTF-8. */
    private static Optional<SourceText> read(Path project, String name, String expected, Problems problems) {
        Location at = Location.ofFile(DIR + "/" + name);
        Path p = project.resolve(DIR).resolve(name);
        Optional<String> refused = InputFile.problem(p.getParent(), p);
        try {
            if (refused.isPresent() && !refused.get().equals("is missing")) {
                problems.add(at, "source file " + refused.get() + " (listed in " + SUMS_NAME + ")");
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(p);
            String actual = Sha256.hex(bytes);
            if (!actual.equals(expected)) {
                problems.add(at, "SHA-256 is " + actual + " but " + SUMS_NAME + " says " + expected
                    + ": the source changed, so its quote offsets cannot be trusted");
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(new SourceText(name, text, actual, bytes.length));
        } catch (CharacterCodingException ex) {
            problems.add(at, "not valid UTF-8 text");
        } catch (IOException ex) {
            problems.add(at, "source file is missing or unreadable (listed in " + SUMS_NAME + ")");
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
