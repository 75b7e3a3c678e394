package org.w3id.ftkg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.curation.CurationReader;
import org.w3id.ftkg.diagnostics.Problems;

/**
 * Every FTKG term the user's manual (README.md) and docs/*.md name exists in ontology/ftkg.ttl:
 * {@code ftkg:X} anywhere, and in the YAML examples of the curation format the property of a
 * statement ({@code p: X}), the class of a node ({@code type: X}) and every key that is not one of
 * the format's own (a node's other keys are ontology properties).
 */
class DocumentedTermsTest {
    /** An {@code ftkg:} name, except a misspelling shown on purpose, as the unknown-term warnings show them. */
    private static final Pattern PREFIXED =
        Pattern.compile("(?<!unknown term )\\bftkg:([A-Za-z][A-Za-z0-9]*)\\b(?! \\(did you mean)");
    private static final Pattern YAML_PROPERTY = Pattern.compile("\\bp: ([a-z][A-Za-z0-9]*)\\b");
    private static final Pattern YAML_TYPE = Pattern.compile("^\\s*(?:- )?type: ([A-Z][A-Za-z0-9]*)\\b");
    /** A key of a YAML line or of an inline map: {@code  - hasCharge: x}, {@code {value: 3, unit: pound}}. */
    private static final Pattern YAML_KEY = Pattern.compile("(?:^\\s*(?:- )?|[{,]\\s*)([A-Za-z_][A-Za-z0-9_]*):");
    static final Ontology ONTOLOGY = Ontology.load(TestProject.ROOT, new Problems()).orElseThrow();

    private static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(TestProject.ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.walk(TestProject.ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    /** The terms a document names that the ontology lacks, as "file:line name"; {@code checked[0]} counts the terms seen. */
    static List<String> unknownTerms(String file, List<String> lines, int[] checked) {
        List<String> unknown = new ArrayList<>();
        boolean yaml = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i), where = file + ":" + (i + 1);
            if (line.startsWith("```")) {
                yaml = !yaml && (line.trim().equals("```yaml") || line.trim().equals("```yml"));
                continue;
            }
            List<String> names = new ArrayList<>();
            for (Pattern p : List.of(PREFIXED, YAML_PROPERTY, YAML_TYPE))
                for (Matcher m = p.matcher(line); m.find(); )
                    names.add(m.group(1));
            if (yaml)
                for (Matcher m = YAML_KEY.matcher(line); m.find(); )
                    if (!CurationReader.FORMAT_KEYS.contains(m.group(1)))
                        names.add(m.group(1));
            for (String name : names) {
                checked[0]++;
                if (!defined(name))
                    unknown.add(where + " " + name);
            }
        }
        return unknown;
    }

    @Test
    void everyFtkgTermInTheDocsIsInTheOntology() throws IOException {
        List<String> unknown = new ArrayList<>();
        int[] checked = {0};
        for (Path doc : documents())
            unknown.addAll(unknownTerms(TestProject.ROOT.relativize(doc).toString(), Files.readAllLines(doc), checked));
        assertTrue(checked[0] > 80, "the docs name " + checked[0] + " terms");
        assertEquals(List.of(), unknown, "terms the docs name but the ontology lacks");
    }

    @Test
    void theIssuesCofounderExampleWouldFail() {
        int[] checked = {0};
        List<String> lines = List.of("Link two people with `ftkg:cofounder`:", "```yaml", "statements:",
            "  - {s: a, p: cofounder, o: b}", "nodes:", "  - id: x", "    type: Cofounding", "    cofounder: [a, b]",
            "    target: a", "```", "cofounder: outside a YAML block is prose",
            "`ftkg:cofunder (did you mean ftkg:cofounder?)` and unknown term ftkg:cofunder show a misspelling on purpose");
        assertEquals(List.of("doc.md:1 cofounder", "doc.md:4 cofounder", "doc.md:7 Cofounding", "doc.md:8 cofounder",
            "doc.md:12 cofounder"),
            unknownTerms("doc.md", lines, checked));
    }

    /** A class, a property or an individual of the ontology graph. */
    private static boolean defined(String localName) {
        Node iri = Iris.term(localName);
        return ONTOLOGY.graph().find(iri, Node.ANY, Node.ANY).hasNext();
    }
}
