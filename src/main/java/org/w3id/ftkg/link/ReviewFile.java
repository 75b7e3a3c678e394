package org.w3id.ftkg.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.w3id.ftkg.files.TempPaths;

/**
 * The review file a person works through: one entry per unlinked entity with its candidates; the reviewer writes
 * the right QID into {@code accept}. Nothing in data/ changes until {@code ftkg link --accept} reads it back.
 */
public final class ReviewFile {
    static final String HEADER = """
        # FTKG Wikidata link review, written by `ftkg link`.
        # For each entity, check the candidates on Wikidata and, only if one is certainly the same thing,
        # write its QID into `accept` (a wrong link is worse than none). Then run:
        #     java -jar target/ftkg.jar link --accept THIS-FILE
        """;

    private ReviewFile() {}

    public static void write(Path file, String endpoint, List<Proposal> proposals) throws IOException {
        List<Object> entities = new ArrayList<>();
        for (Proposal p : proposals) {
            List<Object> candidates = new ArrayList<>();
            for (Candidate c : p.candidates())
                candidates.add(ordered("qid", c.qid(), "label", c.label(), "description", c.description(),
                    "matched", c.matchedName(), "type_matches", c.typeMatches(), "score", c.score()));
            entities.add(ordered("id", p.slug(), "label", p.label(), "type", p.type(), "file", p.file(), "line", p.line(),
                "ambiguous", p.ambiguous(), "candidates", candidates, "accept", null));
        }
        String yaml = HEADER + new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build())
            .dumpToString(ordered("endpoint", endpoint, "entities", entities));
        Files.createDirectories(file.toAbsolutePath().getParent());
        TempPaths.replaceFile(file, ".review", out -> out.write(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    /** A map of keys and values (null ones too) in the order given, as YAML writes them. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2)
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    /** An accepted link: the entity, the QID the reviewer chose, and the QIDs that were proposed. */
    public record Accepted(String slug, String qid, List<String> proposed) {}

    public static List<Accepted> readAccepted(Path file) throws IOException {
        Object root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10).build())
            .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        if (!(root instanceof Map<?, ?> m) || !(m.get("entities") instanceof List<?> list))
            throw new IOException(file + ": not a review file (no 'entities' list)");
        List<Accepted> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> e) || e.get("accept") == null || e.get("accept").toString().isBlank())
                continue;
            List<String> proposed = new ArrayList<>();
            if (e.get("candidates") instanceof List<?> cl)
                for (Object c : cl)
                    if (c instanceof Map<?, ?> cm && cm.get("qid") != null)
                        proposed.add(cm.get("qid").toString());
            out.add(new Accepted(String.valueOf(e.get("id")), e.get("accept").toString().trim(), proposed));
        }
        return out;
    }
}
