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
import org.w3id.ftkg.diagnostics.Problems;

/**
 * Every FTKG term the user's manual and docs/ name exists in ontology/ftkg.ttl: `ftkg:X` anywhere,
 * and the property and class names of the YAML examples of the curation format.
 */
class DocumentedTermsTest {
    private static final Pattern PREFIXED = Pattern.compile("\\bftkg:([A-Za-z][A-Za-z0-9]*)");
    private static final Pattern YAML_PROPERTY = Pattern.compile("\\bp: ([a-z][A-Za-z0-9]*)\\b");
    private static final Pattern YAML_TYPE = Pattern.compile("^\\s*(?:- )?type: ([A-Z][A-Za-z0-9]*)\\b");

    private static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(TestProject.ROOT.resolve("README.md")));
        try (Stream<Path> s = Files.walk(TestProject.ROOT.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void everyFtkgTermInTheDocsIsInTheOntology() throws IOException {
        Ontology ontology = Ontology.load(TestProject.ROOT, new Problems()).orElseThrow();
        List<String> unknown = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String where = TestProject.ROOT.relativize(doc) + ":" + (i + 1);
                for (Pattern p : List.of(PREFIXED, YAML_PROPERTY, YAML_TYPE)) {
                    Matcher m = p.matcher(lines.get(i));
                    while (m.find()) {
                        checked++;
                        if (!defined(ontology, m.group(1)))
                            unknown.add(where + " " + m.group(1));
                    }
                }
            }
        }
        assertTrue(checked > 50, "the docs name " + checked + " terms");
        assertEquals(List.of(), unknown, "terms the docs name but the ontology lacks");
    }

    /** A class, a property or an individual of the ontology graph. */
    private static boolean defined(Ontology o, String localName) {
        Node iri = Iris.term(localName);
        return o.graph().find(iri, Node.ANY, Node.ANY).hasNext();
    }
}
