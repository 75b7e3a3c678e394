package org.w3id.ftkg.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.w3id.ftkg.TestProject;

/**
 * The packages of src/main show the way of the data: no package depends, through any chain of
 * imports or fully qualified names, on a package that depends on it.
 */
class PackageCyclesTest {
    private static final String ROOT = "org.w3id.ftkg";
    private static final Path MAIN = TestProject.ROOT.resolve("src/main/java/org/w3id/ftkg");
    private static final Pattern REF = Pattern.compile("\\b" + Pattern.quote(ROOT) + "\\.([a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    /** Package (below org.w3id.ftkg) to the packages its classes name. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REF.matcher(Files.readString(f));
                while (m.find())
                    if (!m.group(1).equals(pkg))
                        out.add(m.group(1));
            }
        }
        return deps;
    }

    @Test
    void thePackageGraphHasNoCycle() throws IOException {
        Map<String, Set<String>> deps = graph();
        assertTrue(deps.size() > 5, deps::toString);
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet())
            for (String next : deps.get(start))
                if (reaches(deps, next, start, new TreeSet<>()))
                    cycles.add(start + " -> " + next + " -> ... -> " + start);
        assertEquals(List.of(), cycles, "package cycles in " + deps);
    }

    @Test
    void outputDoesNotKnowTheBuildAndTheServerDoesNotBuild() throws IOException {
        Map<String, Set<String>> deps = graph();
        assertFalse(deps.get("output").contains("pipeline"), deps.get("output")::toString);
        for (String serve : List.of("serve", "serve.html"))
            if (deps.containsKey(serve))
                assertFalse(deps.get(serve).contains("pipeline"), serve + " imports " + deps.get(serve));
    }

    private static boolean reaches(Map<String, Set<String>> deps, String from, String to, Set<String> seen) {
        if (from.equals(to))
            return true;
        if (!seen.add(from))
            return false;
        for (String n : deps.getOrDefault(from, Set.of()))
            if (reaches(deps, n, to, seen))
                return true;
        return false;
    }
}
