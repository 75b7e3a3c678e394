package org.w3id.ftkg.validate;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The source documents in {@code seeds/}, checked against {@code seeds/SHA256SUMS}: a source whose
 * bytes changed would silently shift every quote offset, so it fails the build.
 */
public final class SeedSet {
    public static final String DIR = "seeds";
    public static final String SUMS = "SHA256SUMS";

    private final Map<String, SourceText> sources;
    private final Map<String, String> sums;

    private SeedSet(Map<String, SourceText> sources, Map<String, String> sums) {
        this.sources = sources;
        this.sums = sums;
    }

    /** The lines of {@code seeds/SHA256SUMS} (file name to SHA-256), every malformed line reported. */
    public static Map<String, String> readSums(Path dir, Problems problems) {
        Path sumsFile = dir.resolve(SUMS);
        Map<String, String> sums = new TreeMap<>();
        String sumsName = DIR + "/" + SUMS;
        Optional<String> refused = InputFile.problem(dir, sumsFile);
        if (refused.isPresent() && !refused.get().equals("is missing")) {
            problems.add(Location.ofFile(sumsName), "cannot read: it " + refused.get());
            return sums;
        }
        try {
            List<String> lines = Files.readAllLines(sumsFile, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).strip();
                if (l.isEmpty())
                    continue;
                var m = java.util.regex.Pattern.compile("([0-9a-f]{64}) [ *](.+)").matcher(l);
                if (!m.matches() || m.group(2).contains("/") || m.group(2).contains("\\")) {
                    problems.add(new Location(sumsName, i + 1, 1), "not a 'sha256  file-name' line");
                    continue;
                }
                sums.put(m.group(2), m.group(1));
            }
        } catch (IOException e) {
            problems.add(Location.ofFile(sumsName), "cannot read: " + e.getMessage());
        }
        return sums;
    }

    public static SeedSet load(Path project, Problems problems) {
        Path dir = project.resolve(DIR);
        Map<String, String> sums = readSums(dir, problems);
        Map<String, SourceText> sources = new LinkedHashMap<>();
        for (var e : sums.entrySet())
            readSource(dir, e.getKey(), e.getValue(), problems).ifPresent(t -> sources.put(e.getKey(), t));
        return new SeedSet(sources, sums);
    }

    /**
     * Reads one listed source from {@code dir} ({@code seeds/}) and checks it: a regular file inside
     * the folder ({@link InputFile}: a symbolic link only to a file beside it, never a pipe or a
     * device), its SHA-256 the one listed, its bytes UTF-8. Every failure is a problem located at the file.
     */
    public static Optional<SourceText> readSource(Path dir, String name, String expected, Problems problems) {
        String rel = DIR + "/" + name;
        String sumsName = DIR + "/" + SUMS;
        Path p = dir.resolve(name);
        Optional<String> refused = InputFile.problem(dir, p);
        if (refused.isPresent()) {
            problems.add(Location.ofFile(rel), refused.get().equals("is missing")
                ? "source file is missing or unreadable (listed in " + sumsName + ")"
                : "source file " + refused.get() + " (listed in " + sumsName + ")");
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(p);
            String actual = DigestUtils.sha256Hex(bytes);
            if (!actual.equals(expected)) {
                problems.add(Location.ofFile(rel), "SHA-256 is " + actual + " but " + sumsName + " says "
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
            problems.add(Location.ofFile(rel), "source file is missing or unreadable (listed in " + sumsName + ")");
        }
        return Optional.empty();
    }

    /** The source, if it is listed in SHA256SUMS and intact. */
    public Optional<SourceText> get(String fileName) {
        return Optional.ofNullable(sources.get(fileName));
    }

    public boolean isListed(String fileName) {
        return sums.containsKey(fileName);
    }

    public List<SourceText> all() {
        return List.copyOf(sources.values());
    }
}
