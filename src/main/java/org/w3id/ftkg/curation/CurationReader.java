package org.w3id.ftkg.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.io.input.BOMInputStream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.w3id.ftkg.files.InputFile;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

/** Reads {@code data/} into records with the line of every value, collecting every problem instead of throwing. */
public final class CurationReader {
    /** Keys of a node that are not ontology properties. */
    private static final Set<String> NODE_KEYS =
        Set.of("id", "type", "label", "description", "date", "start", "end", "status", "quantities", "content");

    private static final Set<String> ENTITY_KEYS =
        Set.of("id", "type", "label", "label_es", "aliases", "wikidata", "wikidata_note", "description");
    private static final Set<String> FACT_KEYS =
        Set.of("id", "quote", "occurrence", "note", "misspellings", "statements", "nodes");
    private static final Set<String> SOURCE_KEYS = Set.of("file", "title", "author", "author_quote", "publisher",
        "publisher_quote", "date", "date_quote");
    private static final Set<String> STATEMENT_KEYS = Set.of("s", "p", "o", "v", "lang");
    private static final Set<String> QUANTITY_KEYS =
        Set.of("value", "min", "max", "unit", "of", "counted", "qualifier", "per");
    /** The folders data/ may hold; anything else in it (but hidden files) would be ignored, so it is a problem. */
    private static final Set<String> DATA_FOLDERS = Set.of("entities", "facts");
    private static final Set<String> DATE_KEYS = Set.of("value", "text", "inferred");
    private static final Set<String> MISSPELLING_KEYS = Set.of("text", "intended");

    /** Every key the curation format itself defines (any other key of a node is an ontology property). */
    public static final Set<String> FORMAT_KEYS = Stream.of(Set.of("source", "entities", "facts"), NODE_KEYS,
            ENTITY_KEYS, FACT_KEYS, SOURCE_KEYS, STATEMENT_KEYS, QUANTITY_KEYS, DATE_KEYS, MISSPELLING_KEYS)
        .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /** Big enough for any real curation file, small enough that a hostile one cannot exhaust memory. */
    static final int MAX_FILE_CODE_POINTS = 8 * 1024 * 1024;

    private final Path project;

    public CurationReader(Path project) {
        this.project = project;
    }

    /** Reads every {@code data/entities/*.yaml} and {@code data/facts/*.yaml}, in file-name order, for its problems. */
    public void read(Problems problems) {
        List<String> entityFiles = entityFiles(problems), factFiles = factFiles(problems);
        entityFiles.forEach(f -> readEntityFile(f, problems));
        factFiles.forEach(f -> readFactsFile(f, problems));
    }

    /** The {@code data/entities/*.yaml} files, in name order; listed first, so it reports strays in {@code data/}. */
    public List<String> entityFiles(Problems problems) {
        if (Files.isDirectory(project.resolve("data")))
            for (Path p : list("data", problems)) {
                String name = p.getFileName().toString();
                boolean yamlish = name.endsWith(".yaml") || name.endsWith(".yml");
                if ((!name.startsWith(".") || yamlish) && !DATA_FOLDERS.contains(name))
                    problems.add(Location.ofFile("data/" + name), "not read: data/ holds only the folders entities/ and facts/"
                        + (yamlish ? " (move this file into one of them)" : ""));
            }
        return yamlFiles("data/entities", problems);
    }

    /** The facts files, {@code data/facts/*.yaml}, in file-name order (relative to the project). */
    public List<String> factFiles(Problems problems) {
        return yamlFiles("data/facts", problems);
    }

    /** The records of one entity file (none if it cannot be read). */
    public List<EntityRecord> readEntityFile(String relPath, Problems problems) {
        return load(relPath, "an entities file", problems).map(top -> {
            top.allowOnly(Set.of("entities"));
            if (!top.has("entities"))
                problems.add(top.at(), "missing required key 'entities'");
            return top.maps("entities").stream().map(e -> {
                e.allowOnly(ENTITY_KEYS);
                return new EntityRecord(e.required("id"), e.required("type"), e.required("label"), e.orNull("label_es"),
                    e.strings("aliases").stream().map(Located::value).toList(), e.orNull("wikidata"),
                    e.orNull("wikidata_note"), e.orNull("description"), e.at());
            }).toList();
        }).orElse(List.of());
    }

    /** One facts file, read on its own (for builds that hold one facts file at a time). */
    public Optional<FactsFile> readFactsFile(String relPath, Problems problems) {
        return load(relPath, "a facts file", problems).flatMap(top -> {
            top.allowOnly(Set.of("source", "facts"));
            Optional<YamlView> src = top.map("source");
            if (src.isEmpty())
                problems.add(top.at(), "missing required key 'source'");
            return src.map(this::readSource).map(source -> new FactsFile(relPath, source,
                top.maps("facts").stream().map(f -> readFact(f, source.file())).toList()));
        });
    }

    /** The entries of a project folder in name order, or none (with a problem) if it cannot be listed. */
    private List<Path> list(String dir, Problems problems) {
        try (Stream<Path> s = Files.list(project.resolve(dir))) {
            return s.sorted().toList();
        } catch (IOException e) {
            problems.add(Location.ofFile(dir), "cannot list folder: " + e.getMessage());
            return List.of();
        }
    }

    /** The regular {@code .yaml} files of a folder; any other entry but a hidden non-YAML one would be lost unsaid. */
    private List<String> yamlFiles(String dir, Problems problems) {
        if (!Files.isDirectory(project.resolve(dir))) {
            problems.add(Location.ofFile(dir), "folder is missing");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Path p : list(dir, problems)) {
            String name = p.getFileName().toString();
            String rel = dir + "/" + name;
            boolean yamlish = name.endsWith(".yaml") || name.endsWith(".yml");
            if (name.startsWith(".") && yamlish)
                problems.add(Location.ofFile(rel), "not read: a hidden file; curation files have visible names");
            else if (!name.startsWith(".") && !name.endsWith(".yaml"))
                problems.add(Location.ofFile(rel), "not read: only files named *.yaml are curation files"
                    + (name.endsWith(".yml") ? " (rename it to " + name.substring(0, name.length() - 4) + ".yaml)" : "")
                    + (Files.isDirectory(p) ? " (sub-folders are not read)" : ""));
            else if (!name.startsWith(".") && InputFile.check(p.getParent(), p, rel, problems))
                out.add(rel);
        }
        return out;
    }

    /** Parses one file into a view of its top mapping (or records why it cannot). */
    private Optional<YamlView> load(String relPath, String what, Problems problems) {
        LoadSettings settings = LoadSettings.builder()
            .setLabel(relPath)
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(20)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_FILE_CODE_POINTS)
            .build();
        try (InputStream in = BOMInputStream.builder().setPath(project.resolve(relPath)).get();
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                 .onMalformedInput(CodingErrorAction.REPORT)
                 .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            Optional<Node> root = new Compose(settings).composeReader(r);
            if (root.isEmpty())
                problems.add(Location.ofFile(relPath), "file is empty");
            return root.flatMap(n -> YamlView.of(relPath, n, what, problems));
        } catch (MarkedYamlEngineException e) {
            problems.add(YamlView.locate(relPath, e.getProblemMark()), "malformed YAML: " + oneLine(e.getProblem()));
        } catch (YamlEngineException e) {
            String msg = e.getCause() instanceof CharacterCodingException ? "not valid UTF-8" : oneLine(e.getMessage());
            problems.add(Location.ofFile(relPath), "malformed YAML: " + msg);
        } catch (IOException e) {
            problems.add(Location.ofFile(relPath), e instanceof CharacterCodingException ? "not valid UTF-8 text"
                : "cannot read: " + e.getMessage());
        } catch (StackOverflowError e) {
            problems.add(Location.ofFile(relPath), "malformed YAML: nesting too deep");
        }
        return Optional.empty();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    private SourceRecord readSource(YamlView s) {
        s.allowOnly(SOURCE_KEYS);
        Located<String> title = s.string("title").map(v -> new Located<>(v, s.at("title"))).orElse(null);
        Located<String> publisher = s.string("publisher").map(v -> new Located<>(v, s.at("publisher"))).orElse(null);
        DateSpec date = s.node("date").map(n -> readDate(s, n, "date")).orElse(null);
        return new SourceRecord(s.required("file"), title, s.strings("author"), s.orNull("author_quote"),
            publisher, s.orNull("publisher_quote"), date, s.orNull("date_quote"), s.at());
    }

    private FactRecord readFact(YamlView f, String sourceFile) {
        f.allowOnly(FACT_KEYS);
        Integer occurrence = null;
        Optional<String> occ = f.string("occurrence");
        if (occ.isPresent()) {
            try {
                occurrence = Integer.valueOf(occ.get());
                if (occurrence < 1)
                    throw new NumberFormatException();
            } catch (NumberFormatException e) {
                f.problems().add(f.at("occurrence"), "'occurrence' must be a whole number from 1 up");
            }
        }
        List<Misspelling> misspellings = f.maps("misspellings").stream().map(m -> {
            m.allowOnly(MISSPELLING_KEYS);
            return new Misspelling(m.required("text"), m.required("intended"), m.at());
        }).toList();
        List<StatementSpec> statements = f.maps("statements").stream().map(this::readStatement).toList();
        List<NodeSpec> nodes = f.maps("nodes").stream().map(this::readNode).toList();
        if (statements.isEmpty() && nodes.isEmpty() && !f.has("statements") && !f.has("nodes"))
            f.problems().add(f.at(), "a fact needs 'statements' or 'nodes'");
        return new FactRecord(f.required("id"), sourceFile, f.required("quote"), occurrence,
            f.orNull("note"), misspellings, statements, nodes, f.at());
    }

    private StatementSpec readStatement(YamlView st) {
        st.allowOnly(STATEMENT_KEYS);
        if (st.has("o") == st.has("v"))
            st.problems().add(st.at(), "a statement needs exactly one of 'o' (a reference) or 'v' (a value)");
        return new StatementSpec(st.required("s"), st.required("p"), st.orNull("o"), st.orNull("v"), st.orNull("lang"),
            st.at());
    }

    private NodeSpec readNode(YamlView n) {
        Map<String, DateSpec> dates = new LinkedHashMap<>();
        for (String k : List.of("date", "start", "end"))
            n.node(k).ifPresent(v -> dates.put(k, readDate(n, v, k)));
        List<QuantitySpec> quantities = n.maps("quantities").stream().map(q -> {
            q.allowOnly(QUANTITY_KEYS);
            return new QuantitySpec(q.orNull("value"), q.orNull("min"), q.orNull("max"), q.required("unit"),
                q.orNull("of"), q.orNull("counted"), q.orNull("qualifier"), q.orNull("per"), q.at());
        }).toList();
        List<StatementSpec> content = n.maps("content").stream().map(this::readStatement).toList();
        List<PropertyValues> props = new ArrayList<>();
        for (String k : n.keys())
            if (!NODE_KEYS.contains(k))
                props.add(new PropertyValues(k, n.strings(k), n.at(k)));
        return new NodeSpec(n.orNull("id"), n.orNull("type"), n.orNull("label"), n.orNull("description"), dates,
            n.orNull("status"), quantities, content, props, n.at());
    }

    private DateSpec readDate(YamlView parent, Node n, String key) {
        if (!(n instanceof MappingNode))
            return new DateSpec(parent.scalar(n, key).orElse(null), null, false, parent.at(n));
        YamlView d = YamlView.of(parent.file(), n, key, parent.problems()).orElseThrow();
        d.allowOnly(DATE_KEYS);
        String inferred = d.string("inferred").orElse("false");
        if (!inferred.equals("true") && !inferred.equals("false"))
            parent.problems().add(d.at("inferred"), "'inferred' must be true or false");
        if (!d.has("value") && !d.has("text"))
            parent.problems().add(d.at(), "a date needs 'value' or 'text'");
        return new DateSpec(d.orNull("value"), d.orNull("text"), inferred.equals("true"), d.at());
    }
}
