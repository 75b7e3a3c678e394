package org.w3id.ftkg.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3id.ftkg.model.FactModeller;
import org.w3id.ftkg.pipeline.Build;
import org.w3id.ftkg.diagnostics.InvalidInputException;
import org.w3id.ftkg.files.TempPaths;

/**
 * Moves reviewed QIDs into the entity files, editing only the lines it must (adds {@code wikidata:}, drops
 * {@code wikidata_note:}) so the curators' layout and comments stay; puts every file back if the result is invalid.
 */
public final class LinkAcceptor {
    private LinkAcceptor() {}

    /** @return the slugs that were linked */
    public static List<String> accept(Path project, List<ReviewFile.Accepted> accepted) throws IOException {
        List<String> problems = new ArrayList<>();
        for (ReviewFile.Accepted a : accepted)
            if (!FactModeller.QID.matcher(a.qid()).matches())
                problems.add(a.slug() + ": '" + a.qid() + "' is not a QID");
            else if (!a.proposed().contains(a.qid()))
                problems.add(a.slug() + ": " + a.qid() + " was not among the candidates reviewed (" + a.proposed() + ")");
        refuseIfAny(problems);
        Map<Path, String> originals = new HashMap<>();
        Map<Path, String> edited = new HashMap<>();
        List<String> linked = new ArrayList<>();
        try (var files = Files.list(project.resolve("data/entities"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList())
                originals.put(f, Files.readString(f, StandardCharsets.UTF_8));
        }
        for (ReviewFile.Accepted a : accepted) {
            int before = linked.size();
            for (var e : originals.entrySet()) {
                String next = link(edited.getOrDefault(e.getKey(), e.getValue()), a.slug(), a.qid());
                if (next != null) {
                    edited.put(e.getKey(), next);
                    linked.add(a.slug());
                    break;
                }
            }
            if (linked.size() == before)
                problems.add(a.slug() + ": no entity with this id, or it already has a wikidata line");
        }
        refuseIfAny(problems);
        for (var e : edited.entrySet())
            write(e.getKey(), e.getValue());
        try {
            Build.of(project).validate();
        } catch (InvalidInputException ex) {
            for (var e : edited.keySet())
                write(e, originals.get(e));
            throw new IOException("the links made the data invalid, so every file was put back:\n" + ex.getMessage());
        }
        return linked;
    }

    /** The text with {@code wikidata: qid} added to entity {@code slug}, or null if there is no such entity to link. */
    static String link(String text, String slug, String qid) {
        Matcher m = Pattern.compile("(?m)^(\\s*)- id: " + Pattern.quote(slug) + "\\s*$").matcher(text);
        if (!m.find())
            return null;
        String indent = m.group(1) + "  ";
        int start = m.end();
        // The entity's block runs until the next list item at the same depth (or the end).
        Matcher next = Pattern.compile("(?m)^" + Pattern.quote(m.group(1)) + "- ").matcher(text);
        int end = next.find(start) ? next.start() : text.length();
        String block = text.substring(start, end);
        if (Pattern.compile("(?m)^\\s*wikidata:").matcher(block).find())
            return null;
        block = block.replaceAll("(?m)^\\s*wikidata_note:.*\\R", "");
        return text.substring(0, start) + "\n" + indent + "wikidata: " + qid + block + text.substring(end);
    }

    private static void refuseIfAny(List<String> problems) throws IOException {
        if (!problems.isEmpty())
            throw new IOException("nothing was changed:\n  " + String.join("\n  ", problems));
    }

    private static void write(Path f, String content) throws IOException {
        TempPaths.replaceFile(f, ".link", out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
    }
}
