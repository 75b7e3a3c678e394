package org.w3id.ftkg.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * The review file a person works through: one entry per unlinked entity with its candidates;
 * the reviewer writes the right QID into {@code accept}. Nothing in data/ changes until
 * {@code ftkg link --accept} reads it back.
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
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.slug());
            m.put("label", p.label());
            m.put("type", p.type());
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("ambiguous", p.ambiguous());
            List<Object> cands = new ArrayList<>();
            for (Candidate c : p.candidates()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("qid", c.qid());
                cm.put("label", c.label());
                cm.put("description", c.description());
                cm.put("matched", c.matchedName());
                cm.put("type_matches", c.typeMatches());
                cm.put("score", c.score());
                cands.add(cm);
            }
            m.put("candidates", cands);
            m.put("accept", null);
            entities.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("endpoint", endpoint);
        root.put("entities", entities);
        String yaml = HEADER + new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(120).build())
            .dumpToString(root);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = TempPaths.createFile(file.toAbsolutePath().getParent(), ".review", ".tmp");
        Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** An accepted link: the entity, the QID the reviewer chose, and the QIDs that were proposed. */
    public record Accepted(String slug, String qid, List<String> proposed) {}

    @SuppressWarnings("unchecked")
    public static List<Accepted> readAccepted(Path file) throws IOException {
        Object root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(10).build())
            .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        List<Accepted> out = new ArrayList<>();
        if (!(root instanceof Map<?, ?> m) || !(m.get("entities") instanceof List<?> list))
            throw new IOException(file + ": not a review file (no 'entities' list)");
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> e))
                continue;
            Object accept = e.get("accept");
            if (accept == null || accept.toString().isBlank())
                continue;
            List<String> proposed = new ArrayList<>();
            if (e.get("candidates") instanceof List<?> cl)
                for (Object c : cl)
                    if (c instanceof Map<?, ?> cm && cm.get("qid") != null)
                        proposed.add(cm.get("qid").toString());
            out.add(new Accepted(String.valueOf(e.get("id")), accept.toString().trim(), proposed));
        }
        return out;
    }
}
