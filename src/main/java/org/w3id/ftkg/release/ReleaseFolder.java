package org.w3id.ftkg.release;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.io.file.PathUtils;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.provenance.FactHash;
import org.w3id.ftkg.files.RefusedOutputException;
import org.w3id.ftkg.files.TempPaths;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * An immutable release folder, {@code releases/VERSION/}: the dumps, a copy of the seeds it quotes, every fact's
 * hash, a VoID/DCAT description (version, predecessor, date), the diff against the predecessor (RDF Patch and
 * Markdown), notes, and what it was built from (commit, SHA-256 of every input), so {@link #verify} can rebuild it.
 */
public final class ReleaseFolder {
    public static final String RELEASE_BASE = Iris.BASE + "release/";
    public static final String DUMPS = "dumps";
    public static final String SEEDS = "seeds";
    /** The {@code release --tdb2} database: outside SHA256SUMS, as opening it writes its lock files. */
    public static final String TDB2 = "tdb2";
    public static final String NQUADS_GZ = "ftkg.nq.gz";
    public static final String DESCRIPTION = "release.ttl";
    public static final String NOTES = "NOTES.md";
    public static final String CHANGELOG = "CHANGELOG.md";
    public static final String PATCH = "changes.rdfp";
    public static final String HASHES = "fact-hashes.tsv";
    public static final String INPUTS = "inputs.sha256";
    public static final String SUMS = "SHA256SUMS";

    /** The folders a build reads: their files' digests pin what a release was built from. */
    public static final List<String> INPUT_FOLDERS = List.of("data", "ontology", "seeds");

    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");
    private static final String DOAP_REVISION = "http://usefulinc.com/ns/doap#revision";

    /** Writes the dumps of {@code project}, built with {@code epoch} as its only time, into the empty folder {@code into}. */
    @FunctionalInterface
    public interface DumpsBuilder {
        void build(Path project, Path into, long epoch) throws IOException;
    }

    /** A written release: where, how many facts, and its diff against the previous release (null for the first). */
    public record Made(Path dir, int facts, ReleaseDiff diff) {}

    private ReleaseFolder() {}

    /** Checks a version name: it becomes a folder name and part of an IRI. */
    public static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches())
            throw new RefusedOutputException("refusing release version '" + version
                + "': use letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit), e.g. 1.0 or 2026-11");
        return version;
    }

    /** Writes {@code releases/VERSION} atomically, never replacing one; {@code previous}: null for the first. */
    public static Made write(Path project, Path releases, String version, String previous, long epoch, String commit,
                             DumpsBuilder builder) throws IOException {
        checkVersion(version);
        Path target = releases.toAbsolutePath().normalize().resolve(version);
        if (Files.exists(target))
            throw new RefusedOutputException("refusing release " + version + ": " + target + " exists, and a release is never changed");
        Path previousDir = null;
        if (previous != null) {
            previousDir = releases.toAbsolutePath().normalize().resolve(checkVersion(previous));
            if (!Files.isRegularFile(previousDir.resolve(DUMPS).resolve(NQUADS_GZ)))
                throw new RefusedOutputException("refusing --previous " + previous + ": no release at " + previousDir);
        }
        Files.createDirectories(target.getParent());
        Path tmp = TempPaths.createDirectory(target.getParent(), "." + version + ".tmp-");
        try {
            Path dumps = Files.createDirectory(tmp.resolve(DUMPS));
            builder.build(project, dumps, epoch);
            DatasetGraph now = load(dumps.resolve(NQUADS_GZ));
            SortedMap<String, FactState> facts = FactState.all(now);
            Files.writeString(tmp.resolve(HASHES), hashesTsv(facts));
            String inputs = inputsManifest(project);
            Files.writeString(tmp.resolve(INPUTS), inputs);
            copySeeds(project, tmp.resolve(SEEDS), inputs);
            ReleaseDiff diff = null;
            if (previousDir != null) {
                DatasetGraph before = load(previousDir.resolve(DUMPS).resolve(NQUADS_GZ));
                diff = ReleaseDiff.between(previous, FactState.all(before), version, facts);
                try (OutputStream out = Files.newOutputStream(tmp.resolve(PATCH))) {
                    RDFPatchOps.write(out, ReleaseDiff.patch(before, now, ReleaseDiff.releaseNode(previous), ReleaseDiff.releaseNode(version)));
                }
                Files.writeString(tmp.resolve(CHANGELOG), diff.markdown());
            }
            writeDescription(tmp, version, previous, epoch, commit, Sha256.hex(inputs), facts.size());
            Files.writeString(tmp.resolve(NOTES),
                notes(version, previous, epoch, commit, Sha256.hex(inputs), facts.size(), diff));
            Files.writeString(tmp.resolve(SUMS), sumLines(digests(tmp), ""));
            Files.move(tmp, target); // no REPLACE_EXISTING: a release that appeared meanwhile is kept
            return new Made(target, facts.size(), diff);
        } catch (FileAlreadyExistsException e) {
            throw new RefusedOutputException("refusing release " + version + ": " + target + " appeared while building");
        } finally {
            if (Files.exists(tmp))
                PathUtils.deleteDirectory(tmp);
        }
    }

    /**
     * Checks every file against SHA256SUMS and every fact hash against the dumps, then rebuilds the dumps from
     * {@code project} (with the recorded inputs and date) and compares the bytes. Returns the differences.
     */
    public static List<String> verify(Path dir, Path project, DumpsBuilder builder) throws IOException {
        List<String> problems = new ArrayList<>();
        Path sumsFile = dir.resolve(SUMS);
        if (!Files.isRegularFile(sumsFile))
            return List.of(dir + " is not a release folder (no " + SUMS + ")");
        Map<String, String> actual = digests(dir);
        actual.remove(SUMS);
        actual.keySet().removeIf(f -> f.startsWith(TDB2 + "/"));
        compare(readSums(Files.readString(sumsFile)), actual, problems, (f, a, listed) -> f + (a == null
            ? ": listed in " + SUMS + " but missing"
            : ": SHA-256 is " + a + " but " + SUMS + " says " + listed + " (the file was changed)"),
            f -> f + ": not listed in " + SUMS + " (added after the release)");
        DatasetGraph data;
        try {
            data = load(dir.resolve(DUMPS).resolve(NQUADS_GZ));
        } catch (IOException | RuntimeException e) {
            problems.add(DUMPS + "/" + NQUADS_GZ + ": cannot be read: " + e.getMessage());
            return problems;
        }
        SortedMap<String, FactState> facts = FactState.all(data);
        if (!hashesTsv(facts).equals(Files.readString(dir.resolve(HASHES))))
            problems.add(HASHES + ": the fact hashes of " + DUMPS + "/" + NQUADS_GZ + " are not the ones recorded");
        problems.addAll(publishedHashProblems(data, facts));
        String recorded = Files.readString(dir.resolve(INPUTS));
        problems.addAll(seedProblems(dir, recorded));
        String current = inputsManifest(project);
        if (!recorded.equals(current)) {
            problems.add(INPUTS + ": the inputs in " + project + " are not the ones this release was built from ("
                + firstDifference(recorded, current) + "); check out the recorded commit to rebuild it");
            return problems;
        }
        long epoch = epoch(dir);
        Path rebuilt = Files.createTempDirectory("ftkg-verify-");
        try {
            builder.build(project, rebuilt, epoch);
            compare(digests(dir.resolve(DUMPS)), digests(rebuilt), problems,
                (f, a, released) -> DUMPS + "/" + f + ": the rebuild gives different bytes",
                f -> DUMPS + "/" + f + ": the rebuild writes it but the release lacks it");
        } finally {
            PathUtils.deleteDirectory(rebuilt);
        }
        return problems;
    }

    /** Facts whose published {@code ftkg:factHash} is not their recomputed hash (none published: older releases). */
    static List<String> publishedHashProblems(DatasetGraph data, SortedMap<String, FactState> facts) {
        List<String> problems = new ArrayList<>();
        for (FactState f : facts.values()) {
            var it = data.find(Iris.PROVENANCE_GRAPH, Iris.uri(f.iri()), Vocab.FACT_HASH, Node.ANY);
            while (it.hasNext()) {
                Node published = it.next().getObject();
                String value = published.isLiteral() ? published.getLiteralLexicalForm() : published.toString();
                if (!f.hash().equals(FactHash.hexOf(value)))
                    problems.add(DUMPS + "/" + NQUADS_GZ + ": fact " + f.id() + " publishes ftkg:factHash \"" + value
                        + "\" but its graph and quote hash to " + FactHash.PREFIX + f.hash());
            }
        }
        return problems;
    }

    /** The release whose {@code dumps/} folder {@code dist} is (what a replica serves with --dist), if it is one. */
    public static Optional<Path> ofDumps(Path dist) {
        Path dir = dist == null ? null : dist.toAbsolutePath().normalize().getParent();
        return dir != null && dist.toAbsolutePath().normalize().getFileName().toString().equals(DUMPS)
            && Files.isRegularFile(dir.resolve(SUMS)) && Files.isRegularFile(dir.resolve(DESCRIPTION))
            ? Optional.of(dir) : Optional.empty();
    }

    /** The date recorded in a release, as the SOURCE_DATE_EPOCH it was built with. */
    static long epoch(Path dir) {
        Graph g = RDFParser.source(dir.resolve(DESCRIPTION)).toGraph();
        var it = g.find(Node.ANY, Iris.uri(Vocab.DCT + "issued"), Node.ANY);
        if (!it.hasNext())
            throw new IllegalStateException(DESCRIPTION + " has no dcterms:issued");
        return Instant.parse(it.next().getObject().getLiteralLexicalForm()).getEpochSecond();
    }

    /** A release's N-Quads dump, read into memory as it is. */
    public static DatasetGraph load(Path nquadsGz) throws IOException {
        DatasetGraph dsg = DatasetGraphFactory.create();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nquadsGz), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(dsg);
        }
        return dsg;
    }

    /** Copies the seeds the inputs manifest lists into the release; one changed since (during the build) refuses it. */
    static void copySeeds(Path project, Path into, String inputs) throws IOException {
        for (var e : seedsOf(inputs).entrySet()) {
            Path to = into.resolve(e.getKey());
            Files.createDirectories(to.getParent());
            Files.copy(project.resolve(SEEDS).resolve(e.getKey()), to);
            if (!Sha256.of(to).sha256().equals(e.getValue()))
                throw new RefusedOutputException("refusing the release: " + SEEDS + "/" + e.getKey()
                    + " changed while it was built");
        }
    }

    /** Source texts of the release whose copy is not the input it was built from (none: all intact). */
    static List<String> seedProblems(Path dir, String recordedInputs) throws IOException {
        List<String> problems = new ArrayList<>();
        Path seeds = dir.resolve(SEEDS);
        if (!Files.isDirectory(seeds))
            return problems; // a release made before releases held their source texts
        compare(seedsOf(recordedInputs), digests(seeds), problems, (f, sha, recorded) -> SEEDS + "/" + f + ": "
            + (sha == null ? "missing" : "SHA-256 is " + sha) + " but " + INPUTS + " records " + recorded,
            f -> SEEDS + "/" + f + ": not an input of the release");
        return problems;
    }

    /** How a file whose digest is not the expected one (actual null: missing) is reported. */
    private interface Mismatch {
        String say(String path, String actual, String expected);
    }

    /** Adds a problem for each file of {@code expected} that {@code actual} lacks or differs in, then for each extra. */
    private static void compare(Map<String, String> expected, Map<String, String> actual, List<String> problems,
                                Mismatch mismatch, Function<String, String> extra) {
        expected.forEach((f, sha) -> {
            if (!sha.equals(actual.get(f)))
                problems.add(mismatch.say(f, actual.get(f), sha));
        });
        actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> problems.add(extra.apply(f)));
    }

    /** The seeds/ files an inputs manifest lists: path inside seeds/ to SHA-256. */
    private static Map<String, String> seedsOf(String inputs) {
        Map<String, String> out = new TreeMap<>();
        readSums(inputs).forEach((path, sha) -> {
            if (path.startsWith(SEEDS + "/"))
                out.put(path.substring(SEEDS.length() + 1), sha);
        });
        return out;
    }

    /** One line per fact: id, tab, SHA-256 (sorted by id). */
    static String hashesTsv(SortedMap<String, FactState> facts) {
        return facts.values().stream().map(f -> f.id() + "\t" + f.hash() + "\n").collect(Collectors.joining());
    }

    /** sha256sum-style lines for every file of the project's input folders, sorted by path. */
    static String inputsManifest(Path project) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String folder : INPUT_FOLDERS)
            if (Files.isDirectory(project.resolve(folder)))
                b.append(sumLines(digests(project.resolve(folder)), folder + "/"));
        return b.toString();
    }

    /** sha256sum-style lines, each path prefixed. */
    private static String sumLines(Map<String, String> digests, String prefix) {
        return digests.entrySet().stream().map(e -> e.getValue() + "  " + prefix + e.getKey() + "\n")
            .collect(Collectors.joining());
    }

    /** Relative path (with '/') to SHA-256 of every regular file under {@code dir}, sorted. */
    public static SortedMap<String, String> digests(Path dir) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList())
                out.put(dir.relativize(f).toString().replace('\\', '/'), Sha256.of(f).sha256());
        }
        return out;
    }

    private static Map<String, String> readSums(String text) {
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\n"))
            if (line.length() > 66)
                out.put(line.substring(66), line.substring(0, 64));
        return out;
    }

    private static String firstDifference(String recorded, String current) {
        List<String> a = recorded.lines().toList(), b = current.lines().toList();
        for (String l : a)
            if (!b.contains(l))
                return l.substring(Math.min(66, l.length())) + " differs or is missing";
        for (String l : b)
            if (!a.contains(l))
                return l.substring(Math.min(66, l.length())) + " is new";
        return "their order differs";
    }

    private static String isoDate(long epoch) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epoch));
    }

    private static void writeDescription(Path dir, String version, String previous, long epoch, String commit,
                                         String inputsDigest, int facts) throws IOException {
        Graph g = GraphFactory.createDefaultGraph();
        Node r = ReleaseDiff.releaseNode(version);
        Node a = Vocab.TYPE;
        g.add(r, a, Iris.uri(Vocab.DCAT + "Dataset"));
        g.add(r, a, Iris.uri(Vocab.VOID + "Dataset"));
        g.add(r, Vocab.DCT_TITLE, NodeFactory.createLiteralLang("FTKG, release " + version, "en"));
        g.add(r, Iris.uri(Vocab.DCAT + "version"), NodeFactory.createLiteralString(version));
        g.add(r, Iris.uri(Vocab.DCT + "issued"), NodeFactory.createLiteralDT(isoDate(epoch), XSDDatatype.XSDdateTime));
        g.add(r, Iris.uri(Vocab.DCT + "isVersionOf"), Iris.uri(Iris.DATASET));
        g.add(r, Vocab.DCT_LICENSE, Iris.uri("https://creativecommons.org/licenses/by/4.0/"));
        g.add(r, Iris.uri(Vocab.VOID + "entities"), NodeFactory.createLiteralDT(Integer.toString(facts), XSDDatatype.XSDinteger));
        if (previous != null) {
            Node p = ReleaseDiff.releaseNode(previous);
            g.add(r, Iris.uri(Vocab.DCAT + "previousVersion"), p);
            g.add(r, Iris.uri(Vocab.PROV + "wasRevisionOf"), p);
        }
        Node build = NodeFactory.createURI(RELEASE_BASE + version + "#build");
        g.add(r, Vocab.PROV_WAS_GENERATED_BY, build);
        g.add(build, a, Vocab.PROV_ACTIVITY);
        g.add(build, Iris.uri(DOAP_REVISION), NodeFactory.createLiteralString(commit));
        Node inputs = NodeFactory.createURI(RELEASE_BASE + version + "/" + INPUTS);
        g.add(build, Vocab.PROV_USED, inputs);
        g.add(inputs, Iris.uri(Vocab.SPDX + "checksumValue"), NodeFactory.createLiteralString(inputsDigest));
        for (var e : digests(dir.resolve(DUMPS)).entrySet()) {
            Node d = NodeFactory.createURI(RELEASE_BASE + version + "/" + DUMPS + "/" + e.getKey());
            g.add(r, Iris.uri(Vocab.DCAT + "distribution"), d);
            g.add(d, a, Iris.uri(Vocab.DCAT + "Distribution"));
            g.add(d, Iris.uri(Vocab.DCAT + "byteSize"), NodeFactory.createLiteralDT(
                Long.toString(Files.size(dir.resolve(DUMPS).resolve(e.getKey()))), XSDDatatype.XSDnonNegativeInteger));
            g.add(d, Iris.uri(Vocab.SPDX + "checksumValue"), NodeFactory.createLiteralString(e.getValue()));
        }
        Vocab.PREFIXES.forEach(g.getPrefixMapping()::setNsPrefix);
        g.getPrefixMapping().setNsPrefix("doap", "http://usefulinc.com/ns/doap#");
        try (OutputStream out = Files.newOutputStream(dir.resolve(DESCRIPTION))) {
            RDFDataMgr.write(out, g, RDFFormat.TURTLE_BLOCKS);
        }
    }

    private static String notes(String version, String previous, long epoch, String commit, String inputsDigest, int facts,
                                ReleaseDiff diff) {
        StringBuilder b = new StringBuilder();
        b.append("# FTKG release ").append(version).append("\n\n");
        b.append("Issued ").append(isoDate(epoch)).append(". ").append(facts).append(" facts. ");
        b.append(previous == null ? "The first release." : "Follows release " + previous + ".").append("\n\n");
        b.append("Built from commit `").append(commit).append("`; inputs digest `").append(inputsDigest)
            .append("` (SHA-256 of `").append(INPUTS).append("`). `ftkg release --verify` rebuilds it and compares.\n\n");
        b.append("Cite a fact by its IRI, its content hash (`").append(HASHES).append("`) and this release: for example ")
            .append("\"https://w3id.org/ftkg/fact/ID, SHA-256 H, FTKG release ").append(version).append("\".\n");
        if (diff != null) {
            b.append("\n## Changes since ").append(previous).append("\n\n");
            b.append(diff.added().size()).append(" facts added, ").append(diff.removed().size()).append(" removed, ")
                .append(diff.changed().size()).append(" changed: see `").append(CHANGELOG).append("` and the RDF Patch `")
                .append(PATCH).append("`.\n");
        }
        return b.toString();
    }

    /** The newest release in {@code releases} by version order (numbers compared as numbers), if any. */
    public static Optional<String> latest(Path releases) throws IOException {
        if (!Files.isDirectory(releases))
            return Optional.empty();
        try (Stream<Path> s = Files.list(releases)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(SUMS)))
                .map(p -> p.getFileName().toString())
                .filter(n -> VERSION.matcher(n).matches())
                .max(ReleaseFolder::compareVersions);
        }
    }

    /** Version order: parts split at '.', '_' or '-', numbers compared as numbers. */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("[._-]"), y = b.split("[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "", q = i < y.length ? y[i] : "";
            boolean numbers = p.matches("\\d+") && q.matches("\\d+");
            int c = numbers ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0)
                return c;
        }
        return a.compareTo(b);
    }
}
