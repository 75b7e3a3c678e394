package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.w3id.ftkg.TestProject.MINI_ENTITIES;
import static org.w3id.ftkg.TestProject.MINI_FACTS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.ftkg.TestProject;
import org.w3id.ftkg.diagnostics.InvalidInputException;
import org.w3id.ftkg.diagnostics.Problem;

/** Every kind of bad input is reported with its file, line and problem, and the build stops. */
class BadInputTest {
    private static final String SEED = "seeds/004_40da1574111b49b3.txt";

    @TempDir
    Path tmp;

    private TestProject project() {
        return TestProject.fixture(tmp, "mini");
    }

    static List<Problem> problems(TestProject p) {
        return assertThrows(InvalidInputException.class, () -> Build.of(p.dir()).validate()).problems();
    }

    /** The 1-based line of the first line of {@code file} containing {@code needle}. */
    static int line(TestProject p, String file, String needle) {
        return p.lineOf(file, needle);
    }

    static void assertOne(List<Problem> problems, String file, int line, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.at().file().equals(file) && p.at().line() == line
                && p.message().contains(text)),
            "expected «" + text + "» at " + file + ":" + line + " in:\n" + problems);
    }

    @Test
    void theFixtureItselfIsValid() throws Exception {
        assertEquals(5, Build.of(project().dir()).validate().facts());
    }

    @Test
    void malformedYaml() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("agent: mexico", "agent: [mexico"));
        List<Problem> ps = problems(p);
        assertTrue(ps.get(0).message().startsWith("malformed YAML"), ps.toString());
        assertEquals(MINI_FACTS, ps.get(0).at().file());
        assertTrue(ps.get(0).at().line() >= p.lineOf(MINI_FACTS, "agent: [mexico"), ps.toString());
    }

    @Test
    void unknownEntityReference() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("agent: mexico", "agent: mexica"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "agent: mexica"), "unknown reference 'mexica'");
    }

    @Test
    void unknownClass() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("type: Extradition", "type: Extraditon"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "id: mexico-extradition"), "unknown class 'Extraditon'");
    }

    @Test
    void unknownProperty() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("agent: mexico", "agentt: mexico"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "agentt: mexico"), "unknown property 'agentt'");
    }

    @Test
    void literalOfTheWrongDatatype() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("p: defunct, v: \"true\"", "p: defunct, v: \"yes\""));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "p: defunct"), "'yes' is not a valid xsd:boolean");
    }

    @Test
    void referenceWhereAValueIsExpected() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("p: defunct, v: \"true\"", "p: defunct, o: mexico"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "p: defunct"), "takes a value (use 'v')");
    }

    @Test
    void rangeViolation() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("holder: rafael-caro-quintero", "holder: fentanyl"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "holder: fentanyl"), "'holder' expects an Agent, but fentanyl is a Drug");
    }

    @Test
    void impossibleDate() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("date: 2013", "date: 2013-02-30"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "date: 2013-02-30"), "'2013-02-30' is an impossible date");
    }

    @Test
    void dateMorePreciseThanAllowedShape() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("date: 2013", "date: 13/2013"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "date: 13/2013"), "is not a date");
    }

    @Test
    void quoteNotInTheSource() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("Mexico has extradited 29", "Mexico has extradited 30"));
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_FACTS, p.lineOf(MINI_FACTS, "id: 004-extradition-of-29"), "fact 004-extradition-of-29: quote is not in 004_40da1574111b49b3.txt");
        assertTrue(ps.get(0).message().contains("Nearest passage (line 3): «Mexico has extradited 29"), ps.toString());
    }

    @Test
    void ambiguousQuote() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace(
            "quote: Caro Quintero, once the leader of the now-defunct Guadalajara Cartel", "quote: Caro Quintero"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "id: 004-caro-quintero-former-leader"),
            "quote occurs 3 times in 004_40da1574111b49b3.txt (lines 2, 4, 4)");
    }

    @Test
    void missingSourceFile() throws Exception {
        TestProject p = project();
        Files.delete(p.resolve(SEED));
        assertOne(problems(p), SEED, 0, "source file is missing or unreadable");
    }

    @Test
    void sourceWhoseChecksumChanged() throws Exception {
        TestProject p = project();
        Files.writeString(p.resolve(SEED), p.read(SEED).replace("29 high-ranking", "28 high-ranking"));
        assertOne(problems(p), SEED, 0, "the source changed, so its quote offsets cannot be trusted");
    }

    @Test
    void duplicateSlug() {
        TestProject p = project().edit(MINI_ENTITIES, s -> s + "  - id: mexico\n    type: City\n    label: Mexico City\n");
        assertOne(problems(p), MINI_ENTITIES, p.lineOf(MINI_ENTITIES, "label: Mexico City") - 2, "duplicate slug 'mexico'");
    }

    @Test
    void duplicateFactId() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("id: 004-caro-quintero-release", "id: 004-extradition-of-29"));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "quote: served 28 years") - 1, "duplicate fact id '004-extradition-of-29'");
    }

    @Test
    void invalidQid() {
        TestProject p = project().edit(MINI_ENTITIES, s -> s.replace("wikidata: Q96", "wikidata: Q096"));
        assertOne(problems(p), MINI_ENTITIES, p.lineOf(MINI_ENTITIES, "id: mexico"), "'Q096' is not a Wikidata QID");
    }

    @Test
    void sameQidOnTwoEntities() {
        TestProject p = project().edit(MINI_ENTITIES, s -> s.replace("wikidata: Q30", "wikidata: Q96"));
        assertOne(problems(p), MINI_ENTITIES, p.lineOf(MINI_ENTITIES, "id: united-states"), "Wikidata Q96 is already linked");
    }

    @Test
    void quantityWithoutUnit() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("{value: 29, unit: count, ", "{value: 29, "));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "{value: 29,"), "missing required key 'unit'");
    }

    @Test
    void claimWithoutClaimantFailsTheShapes() {
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("        claimant: claudia-sheinbaum\n", ""));
        assertOne(problems(p), MINI_FACTS, p.lineOf(MINI_FACTS, "id: 004-sheinbaum-opposes-invasion"),
            "must be attributed to whoever made it");
    }

    @Test
    void everyProblemIsReportedInOneRun() {
        TestProject p = project()
            .edit(MINI_FACTS, s -> s.replace("agent: mexico", "agent: mexica").replace("date: 2013", "date: 2013-13"))
            .edit(MINI_ENTITIES, s -> s.replace("type: Drug", "type: Drugs"));
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_FACTS, p.lineOf(MINI_FACTS, "agent: mexica"), "unknown reference");
        assertOne(ps, MINI_FACTS, p.lineOf(MINI_FACTS, "date: 2013-13"), "impossible date");
        assertOne(ps, MINI_ENTITIES, p.lineOf(MINI_ENTITIES, "id: fentanyl"), "unknown class 'Drugs'");
    }

    @Test
    void unknownKeysAndDuplicateKeysAreLocated() {
        TestProject p = project().edit(MINI_ENTITIES, s -> s.replace("    label: Claudia Sheinbaum\n",
            "    label: Claudia Sheinbaum\n    lable: Sheinbaum\n    label: Claudia\n"));
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_ENTITIES, p.lineOf(MINI_ENTITIES, "lable:"), "unknown key 'lable'");
        assertOne(ps, MINI_ENTITIES, p.lineOf(MINI_ENTITIES, "lable:") + 1, "duplicate key 'label' (first at line " + (p.lineOf(MINI_ENTITIES, "lable:") - 1) + ")");
    }

    // --- file types: only regular files inside their folder are read (issue 17, item 11) -------

    private static String sumsLine(Path file) throws Exception {
        return org.apache.commons.codec.digest.DigestUtils.sha256Hex(Files.readAllBytes(file)) + "  " + file.getFileName() + "\n";
    }

    private static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor(), "mkfifo " + p);
    }

    /** The build must answer (with problems) within a minute, never block on a pipe. */
    private static List<Problem> problemsWithoutHanging(TestProject p) {
        return assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> problems(p));
    }

    @Test
    void aSeedThatLinksOutsideSeedsIsRefusedEvenWithAMatchingChecksum() throws Exception {
        TestProject p = project();
        // The probe: a link to /etc/passwd listed with its true checksum.
        Path passwd = Path.of("/etc/passwd");
        Files.createSymbolicLink(p.resolve("seeds/passwd.txt"), passwd);
        p.write("seeds/SHA256SUMS", p.read("seeds/SHA256SUMS") + sumsLine(p.resolve("seeds/passwd.txt")));
        // A variant: a quoted source moved out of seeds/ and linked back (same bytes, same checksum).
        Path outside = Files.createDirectories(tmp.resolve("elsewhere")).resolve("004_40da1574111b49b3.txt");
        Files.move(p.resolve(SEED), outside);
        Files.createSymbolicLink(p.resolve(SEED), outside);
        List<Problem> ps = problems(p);
        assertOne(ps, "seeds/passwd.txt", 0, "is a symbolic link to " + passwd.toRealPath() + ", outside seeds/");
        assertOne(ps, SEED, 0, "is a symbolic link to " + outside.toRealPath() + ", outside seeds/");
    }

    @Test
    void aSeedThatLinksToAFileBesideItInSeedsIsAccepted() throws Exception {
        TestProject p = project();
        // Documented rule: a link that stays inside seeds/ is read like the file it names.
        Path real = p.resolve("seeds/original-004.txt");
        Files.move(p.resolve(SEED), real);
        Files.createSymbolicLink(p.resolve(SEED), Path.of("original-004.txt"));
        p.write("seeds/SHA256SUMS", p.read("seeds/SHA256SUMS") + sumsLine(real));
        assertEquals(5, Build.of(p.dir()).validate().facts());
    }

    @Test
    void aBrokenLinkAFolderOrAPipeInPlaceOfASeedIsALocatedProblem() throws Exception {
        TestProject p = project();
        List<String> names = p.read("seeds/SHA256SUMS").lines().map(l -> l.substring(66)).toList();
        Path broken = p.resolve("seeds/" + names.get(0));
        Path folder = p.resolve("seeds/" + names.get(1));
        Path fifo = p.resolve("seeds/" + names.get(2));
        Files.delete(broken);
        Files.createSymbolicLink(broken, Path.of("no-such-file.txt"));
        Files.delete(folder);
        Files.createDirectory(folder);
        Files.delete(fifo);
        mkfifo(fifo);
        List<Problem> ps = problemsWithoutHanging(p);
        assertOne(ps, "seeds/" + names.get(0), 0, "is a symbolic link to nothing");
        assertOne(ps, "seeds/" + names.get(1), 0, "is a folder, not a regular file");
        assertOne(ps, "seeds/" + names.get(2), 0, "is a named pipe (FIFO), not a regular file");
    }

    @Test
    void aPipeAnywhereTheBuildReadsNeverHangsIt() throws Exception {
        for (String input : List.of(SEED, "seeds/SHA256SUMS", MINI_FACTS, MINI_ENTITIES, "ontology/ftkg.ttl", "ontology/shapes.ttl")) {
            Path run = Files.createDirectories(tmp.resolve("run-" + input.replace('/', '-')));
            TestProject p = TestProject.fixture(run, "mini");
            Files.delete(p.resolve(input));
            mkfifo(p.resolve(input));
            List<Problem> ps = problemsWithoutHanging(p);
            assertTrue(ps.stream().anyMatch(x -> x.at().file().equals(input) && x.message().contains("is a named pipe (FIFO)")),
                input + ": " + ps);
        }
    }

    @Test
    void aCurationFileThatLinksOutsideItsFolderIsRefused() throws Exception {
        TestProject p = project();
        Path outside = tmp.resolve("mini-entities.yaml");
        Files.move(p.resolve(MINI_ENTITIES), outside);
        Files.createSymbolicLink(p.resolve(MINI_ENTITIES), outside);
        assertOne(problems(p), MINI_ENTITIES, 0, "is a symbolic link to " + outside.toRealPath() + ", outside entities/");
    }

    @Test
    void everyFileInDataThatNoBuildWouldReadIsNamed() throws Exception {
        TestProject p = project();
        // The probe: facts saved as .yml were ignored without a word. Variants: other names, folders, hidden YAML.
        Files.move(p.resolve(MINI_FACTS), p.resolve("data/facts/004_40da1574111b49b3.yml"));
        p.write("data/facts/notes.txt", "to do");
        Files.createDirectories(p.resolve("data/facts/2025"));
        p.write("data/facts/.draft.yaml", "facts: []\n");
        p.write("data/entities/people.YAML", "entities: []\n");
        p.write("data/links.yaml", "entities: []\n");
        p.write("data/facts/.gitkeep", ""); // hidden non-YAML files (editors, version control) are left alone
        List<Problem> ps = problems(p);
        assertOne(ps, "data/facts/004_40da1574111b49b3.yml", 0, "not read: only files named *.yaml are curation files (rename it to 004_40da1574111b49b3.yaml)");
        assertOne(ps, "data/facts/notes.txt", 0, "not read: only files named *.yaml");
        assertOne(ps, "data/facts/2025", 0, "sub-folders are not read");
        assertOne(ps, "data/facts/.draft.yaml", 0, "not read: a hidden file");
        assertOne(ps, "data/entities/people.YAML", 0, "not read: only files named *.yaml");
        assertOne(ps, "data/links.yaml", 0, "data/ holds only the folders entities/ and facts/ (move this file into one of them)");
        assertTrue(ps.stream().noneMatch(x -> x.at().file().endsWith(".gitkeep")), ps.toString());
    }

    // --- values that were accepted silently (issue 17, item 13) --------------------------------

    @Test
    void datesThatCannotBeRightAreLocatedAllAtOnce() {
        TestProject p = project().edit(MINI_FACTS, s -> s
            .replace("        date: 2013\n", "        date: 0000\n")
            .replace("        destination: united-states\n", "        destination: united-states\n        date: null\n")
            .replace("        position: leader\n", "        position: leader\n        start: 2013-05\n        end: 2013-04-30\n"
                + "        date: {text: \"\"}\n")
            .replace("        claimant: claudia-sheinbaum\n", "        claimant: claudia-sheinbaum\n        date: # to do\n"));
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "date: 0000"), "'0000' is an impossible date: there is no year 0");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "date: null"), "'date' has no value (null): give one or remove the key");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "date: # to do"), "'date' has no value (empty)");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "date: {text: \"\"}"), "'text' is empty");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "end: 2013-04-30"), "'end: 2013-04-30' is before 'start: 2013-05'");
    }

    @Test
    void quantitiesThatCannotBeRightAreLocatedAllAtOnce() {
        TestProject p = project().edit(MINI_FACTS, s -> s
            .replace("{value: 28, unit: year,", "{value: -28, unit: year,")
            .replace("{value: 29, unit: count, ", "{value: 29, min: 20, unit: count, ")
            .replace("        position: leader\n", "        position: leader\n        quantities:\n"
                + "          - {min: 2000, max: 1500, unit: kilogram}\n"
                + "          - {max: -1, unit: pound}\n"
                + "          - {value: 1e999999999, unit: count}\n"));
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "{value: -28"), "'-28' is negative");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "{value: 29, min: 20"), "either 'value' or a range 'min'/'max', not both");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "{min: 2000, max: 1500"), "'min: 2000' is greater than 'max: 1500'");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "{max: -1"), "'-1' is negative");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "{value: 1e999999999"), "'1e999999999' is not a number");
    }

    @Test
    void emptyValuesAnywhereAreLocated() {
        TestProject p = project()
            .edit(MINI_ENTITIES, s -> s.replace("    label: Claudia Sheinbaum\n", "    label: Claudia Sheinbaum\n    label_es: \"\"\n"))
            .edit(MINI_FACTS, s -> s.replace("about: [united-states, mexico]", "about: [united-states, \"\"]")
                .replace("        holder: rafael-caro-quintero\n", "        holder: rafael-caro-quintero\n        description: null\n"));
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_ENTITIES, line(p, MINI_ENTITIES, "label_es: \"\""), "'label_es' is empty");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "about: [united-states, \"\"]"), "a value of 'about' is empty");
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "description: null"), "'description' has no value (null)");
    }

    @Test
    void aQuoteThatDiffersOnlyByAnInvisibleCharacterSaysWhichAndWhere() {
        String quote = "Mexico has extradited 29 high-ranking members";
        // In YAML double quotes: a zero-width space after "Mexico has " (character 12), and NFD "í" would need a source accent.
        TestProject p = project().edit(MINI_FACTS, s -> s.replace("quote: " + quote,
            "quote: \"Mexico has \\u200Bextradited 29 high-ranking members"));
        p.edit(MINI_FACTS, s -> s.replace("members of organized crime to the United States\n", "members of organized crime to the United States\"\n"));
        List<Problem> ps = problems(p);
        assertOne(ps, MINI_FACTS, line(p, MINI_FACTS, "id: 004-extradition-of-29"),
            "differs at character 12: U+200B ZERO WIDTH SPACE in the quote, not in the source");
    }
}
