package org.w3id.ftkg.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.apache.commons.io.IOUtils;
import org.apache.commons.io.file.PathUtils;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.synth.SyntheticWorld.Entity;
import org.w3id.ftkg.files.TempPaths;

/**
 * Writes a valid FTKG project of invented data for scale benchmarks. Each fact's sentence carries a case number
 * ({@code SYN-0000001}) found nowhere else, so each quote occurs once. The same seed and sizes give the same bytes
 * (one seeded {@link SplittableRandom}, split in a fixed order); only the entities are held in memory.
 */
public final class SyntheticCorpus {
    /** A facts file must stay well under the 8 Mi code points the curation reader accepts. */
    public static final int MAX_FACTS_PER_SOURCE = 5_000;
    /** An entities file is rolled over to {@code synthetic-2.yaml}, ... beyond this many bytes. */
    static final long MAX_ENTITY_FILE_BYTES = 6_000_000;

    public record Summary(long facts, int sources, int entities, long bytes, Path dir) {
        @Override
        public String toString() {
            return "Generated " + facts + " facts in " + sources + " sources, " + entities + " entities, " + bytes
                + " bytes into " + dir;
        }
    }

    private final Path project;
    private final Path output;
    private final long facts;
    private final int sources;
    private final long seed;
    /** Set by {@link #writeInto}, for the sources: the entities, the project folder, the digits of a fact number. */
    private SyntheticWorld world;
    private Path dir;
    private int width;

    private SyntheticCorpus(Path project, Path output, long facts, int sources, long seed) {
        this.project = project;
        this.output = output;
        this.facts = facts;
        this.sources = sources;
        this.seed = seed;
    }

    /** The default number of sources for {@code facts} facts: one per thousand facts, at least one. */
    public static int defaultSources(long facts) {
        return (int) Math.max(1, facts / 1000);
    }

    /**
     * Generates the corpus into {@code output} through a temporary sibling renamed into place, so a
     * failed run leaves nothing behind; {@link FileAlreadyExistsException} if {@code output} is not free.
     */
    public static Summary generate(Path project, Path output, long facts, int sources, long seed) throws IOException {
        if (facts < 1)
            throw new IllegalArgumentException("--facts must be at least 1");
        if (sources < 1 || sources > facts)
            throw new IllegalArgumentException("--sources must be between 1 and the number of facts (" + facts + ")");
        if ((facts + sources - 1) / sources > MAX_FACTS_PER_SOURCE)
            throw new IllegalArgumentException("at most " + MAX_FACTS_PER_SOURCE + " facts per source (a facts file must "
                + "stay readable); use --sources " + ((facts + MAX_FACTS_PER_SOURCE - 1) / MAX_FACTS_PER_SOURCE) + " or more");
        if (sources > 999_999)
            throw new IllegalArgumentException("at most 999999 sources");
        if (!Files.isRegularFile(project.resolve("ontology/ftkg.ttl")))
            throw new IllegalArgumentException("no ontology/ftkg.ttl in the project folder " + project);
        return new SyntheticCorpus(project, output, facts, sources, seed).run();
    }

    /** True if {@code dir} does not exist or is an empty folder. */
    public static boolean isFree(Path dir) throws IOException {
        return !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
            || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && PathUtils.isEmptyDirectory(dir);
    }

    private Summary run() throws IOException {
        Path target = output.toAbsolutePath().normalize();
        if (!isFree(target))
            throw new FileAlreadyExistsException(target.toString(), null, "exists and is not an empty folder");
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = TempPaths.createDirectory(parent, target.getFileName() + ".tmp-");
        try {
            int entities = writeInto(tmp);
            long bytes = PathUtils.sizeOfDirectory(tmp);
            if (Files.isDirectory(target)) {
                try {
                    Files.delete(target); // only an empty folder gets here
                } catch (DirectoryNotEmptyException e) {
                    throw new FileAlreadyExistsException(target.toString(), null, "was filled by someone else meanwhile");
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(facts, sources, entities, bytes, output);
        } catch (IOException | RuntimeException | Error e) {
            if (Files.exists(tmp))
                PathUtils.deleteDirectory(tmp);
            throw e;
        }
    }

    private int writeInto(Path dir) throws IOException {
        this.dir = dir;
        copyFolder(project.resolve("ontology"), dir.resolve("ontology"));
        if (Files.isDirectory(project.resolve("fuseki-config")))
            copyFolder(project.resolve("fuseki-config"), dir.resolve("fuseki-config"));
        for (String folder : List.of("seeds", "data/entities", "data/facts"))
            Files.createDirectories(dir.resolve(folder));

        SplittableRandom master = new SplittableRandom(seed);
        world = new SyntheticWorld((int) Math.max(20, facts / 20), master.split()); // one entity per 20 facts
        writeEntities(dir.resolve("data/entities"));
        width = Math.max(7, Long.toString(facts).length());
        StringBuilder sums = new StringBuilder();
        long next = 1;
        for (int s = 0; s < sources; s++) {
            long count = facts / sources + (s < facts % sources ? 1 : 0);
            SourceWriter source = new SourceWriter(master.split(), s);
            sums.append(source.write(next, count)).append("  ").append(source.stem).append(".txt\n");
            next += count;
        }
        Files.writeString(dir.resolve("seeds/SHA256SUMS"), sums, StandardCharsets.UTF_8);
        return world.all.size();
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList())
                Files.copy(f, to.resolve(f.getFileName().toString()));
        }
    }

    private void writeEntities(Path dir) throws IOException {
        String head = "# Synthetic entities written by `ftkg generate --seed " + seed + "`: invented names,"
            + " not real people, organizations or places.\nentities:\n";
        int part = 0;
        Writer w = null;
        long written = Long.MAX_VALUE;
        try {
            for (Entity e : world.all) {
                if (written > MAX_ENTITY_FILE_BYTES) {
                    IOUtils.close(w);
                    String name = ++part == 1 ? "synthetic.yaml" : "synthetic-" + part + ".yaml";
                    w = writer(Files.newOutputStream(dir.resolve(name)));
                    w.write(head);
                    written = head.length();
                }
                String rec = "  - id: " + e.slug + "\n    type: " + e.type + "\n    label: " + q(e.label)
                    + "\n    wikidata_note: \"Synthetic entity\"\n";
                w.write(rec);
                written += rec.length();
            }
        } finally {
            IOUtils.close(w);
        }
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December" };
    private static final String[] FILLERS = {
        "Officials did not immediately respond to requests for comment.",
        "The investigation is continuing, officials said.",
        "Authorities have stepped up inspections along the main highway corridors.",
        "Analysts say the trade has shifted toward synthetic opioids in recent years.",
        "Defense lawyers could not be reached.",
        "The figures could not be independently verified.",
        "Local residents described a heavy security presence in the area.",
        "Several related cases are pending before the courts." };
    /** Events happen in these years; the sources are published in the two years after. */
    private static final int FIRST_YEAR = 2015, LAST_YEAR = 2023;
    private static final String[] CHARGES = { "conspiracy to distribute %s", "conspiracy to import %s",
        "possession with intent to distribute %s", "money laundering tied to the sale of %s",
        "trafficking in %s" };

    /** Writes one fact, numbered {@code num}, whose sentence carries {@code tok}. */
    @FunctionalInterface
    private interface FactKind {
        void write(String num, String tok) throws IOException;
    }

    /** Relative weights of the fact kinds, in the order of {@link SourceWriter#kinds}. */
    private static final int[] WEIGHTS = { 10, 5, 6, 4, 20, 14, 10, 6, 10, 5, 6, 4 };
    private static final int WEIGHT_TOTAL = java.util.Arrays.stream(WEIGHTS).sum();

    /** One source: its text and its facts file, written side by side. */
    private final class SourceWriter {
        final SplittableRandom rng;
        final int index;
        final String prefix;
        final String stem;
        final StringBuilder paragraph = new StringBuilder();
        int sentencesLeft;
        /** Recent indictments and allegations of this source, for follow-ups. */
        final ArrayDeque<Indicted> indictments = new ArrayDeque<>();
        final ArrayDeque<Alleged> allegations = new ArrayDeque<>();
        Writer text;
        Writer yaml;
        /** The kinds of fact, in the order of {@link #WEIGHTS}. */
        final List<FactKind> kinds = List.of(this::memberOf, this::leaderOf, this::basedIn, this::factionOf,
            this::seizure, this::arrest, this::indictment, this::sanction, this::allegation, this::allegedTrafficking,
            this::claim, this::denial);

        SourceWriter(SplittableRandom rng, int index) {
            this.rng = rng;
            this.index = index;
            this.prefix = pad(index, 6);
            this.stem = prefix + "_synthetic";
        }

        /** Writes both files, facts {@code first} to {@code first + count - 1}; returns the SHA-256 of the text. */
        String write(long first, long count) throws IOException {
            Sha256.HashedFile hashed = new Sha256.HashedFile(dir.resolve("seeds/" + stem + ".txt"));
            try (Writer t = writer(hashed);
                 Writer y = writer(Files.newOutputStream(dir.resolve("data/facts/" + stem + ".yaml")))) {
                text = t;
                yaml = y;
                header();
                yaml.write("\nfacts:\n");
                for (long n = first; n < first + count; n++)
                    fact(n);
                endParagraph();
            }
            return hashed.sha256();
        }

        private void header() throws IOException {
            Entity publisher = world.get(world.media[index % world.media.length]);
            boolean two = rng.nextInt(2) == 1;
            Entity a1 = pick(world.reporters), a2 = pick(world.reporters);
            two &= a1 != a2;
            String title = "Synthetic Dispatch " + prefix + ": Seizures, Arrests and Charges in the Fight Against "
                + "Fentanyl Trafficking in " + pick(world.countries).label;
            String byline = "By " + a1.label + (two ? " and " + a2.label : "");
            int year = LAST_YEAR + 1 + rng.nextInt(2), month = 1 + rng.nextInt(12), day = 1 + rng.nextInt(28);
            String dateQuote = "Published " + MONTHS[month - 1] + " " + day + ", " + year;
            text.write(title + "\n\n" + publisher.label + " —\n" + byline + "\n" + dateQuote + "\n");
            yaml.write("source:\n  file: " + stem + ".txt\n  title: " + q(title) + "\n  author: ["
                + a1.slug + (two ? ", " + a2.slug : "") + "]\n  author_quote: "
                + q(byline) + "\n  publisher: " + publisher.slug + "\n  publisher_quote: " + q(publisher.label + " —")
                + "\n  date: " + year + "-" + pad(month, 2) + "-" + pad(day, 2) + "\n  date_quote: " + q(dateQuote) + "\n");
        }

        /** Adds a sentence to the text, in paragraphs of three to six sentences. */
        private void sentence(String s) throws IOException {
            if (sentencesLeft == 0) {
                endParagraph();
                sentencesLeft = 3 + rng.nextInt(4);
            }
            if (paragraph.length() > 0)
                paragraph.append(' ');
            paragraph.append(s);
            sentencesLeft--;
            if (rng.nextInt(12) == 0 && sentencesLeft > 0) {
                paragraph.append(' ').append(FILLERS[rng.nextInt(FILLERS.length)]);
                sentencesLeft--;
            }
        }

        private void endParagraph() throws IOException {
            if (paragraph.length() > 0) {
                text.write("\n" + paragraph + "\n");
                paragraph.setLength(0);
            }
        }

        private void fact(long n) throws IOException {
            String num = pad(n, width);
            String tok = "SYN-" + num;
            int r = rng.nextInt(WEIGHT_TOTAL), kind = 0;
            while (r >= WEIGHTS[kind])
                r -= WEIGHTS[kind++];
            if (kind == 3 && world.factions.length == 0)
                kind = 0;
            if (kind == 11 && allegations.isEmpty())
                kind = 8;
            kinds.get(kind).write(num, tok);
        }

        /** Writes a fact: its sentence into the text, its record (id, quote, then {@code body}) into the facts file. */
        private void emit(String factId, String quote, String body) throws IOException {
            sentence(quote);
            yaml.write("  - id: " + prefix + "-" + factId + "\n    quote: " + q(quote) + "\n" + body);
        }

        private void emitStatement(String factId, String quote, String s, String p, String o) throws IOException {
            emit(factId, quote, "    statements:\n      - " + triple(s, p, o) + "\n");
        }

        private void emitNodes(String factId, String quote, String... nodes) throws IOException {
            emit(factId, quote, "    nodes:\n" + String.join("", nodes));
        }

        /** A node of a fact: id, type and label, then its other properties as name, value pairs. */
        private static String node(String id, String type, String label, String... properties) {
            StringBuilder b = new StringBuilder("      - id: " + id + "\n        type: " + type + "\n        label: "
                + q(label) + "\n");
            for (int i = 0; i < properties.length; i += 2)
                b.append("        ").append(properties[i]).append(": ").append(properties[i + 1]).append('\n');
            return b.toString();
        }

        /** The {@code content} of a claim: one statement. */
        private static String content(String triple) {
            return "        content:\n          - " + triple + "\n";
        }

        private static String triple(String s, String p, String o) {
            return "{s: " + s + ", p: " + p + ", o: " + o + "}";
        }

        // --- (a) statements -----------------------------------------------------------------

        private void memberOf(String num, String tok) throws IOException {
            Entity p = person();
            Entity o = world.get(p.org);
            String quote = switch (rng.nextInt(3)) {
                case 0 -> p.label + ", a member of " + o.ref + ", is named in case " + tok + ".";
                case 1 -> "Case " + tok + " identifies " + p.label + " as a member of " + o.ref + ".";
                default -> p.label + " belongs to " + o.ref + ", according to the court record in case " + tok + ".";
            };
            emitStatement("member-" + num, quote, p.slug, "memberOf", o.slug);
        }

        private void leaderOf(String num, String tok) throws IOException {
            Entity o = pick(world.orgs);
            Entity p = world.get(o.leader);
            String quote = rng.nextBoolean()
                ? p.label + ", the leader of " + o.ref + ", is named in case " + tok + "."
                : p.label + " leads " + o.ref + ", the record in case " + tok + " shows.";
            emitStatement("leader-" + num, quote, p.slug, "leaderOf", o.slug);
        }

        private void basedIn(String num, String tok) throws IOException {
            Entity o = pick(world.orgs);
            Entity c = world.get(o.city);
            String quote = rng.nextBoolean()
                ? o.refStart() + ", which is based in " + c.label + ", appears in case " + tok + "."
                : "Case " + tok + " concerns " + o.ref + ", an organization based in " + c.label + ".";
            emitStatement("based-" + num, quote, o.slug, "basedIn", c.slug);
        }

        private void factionOf(String num, String tok) throws IOException {
            Entity f = pick(world.factions);
            Entity o = world.get(f.parent);
            String quote = f.refStart() + ", a faction of " + o.ref + ", is named in case " + tok + ".";
            emitStatement("faction-" + num, quote, f.slug, "factionOf", o.slug);
        }

        // --- (b) events ---------------------------------------------------------------------

        private void seizure(String num, String tok) throws IOException {
            Entity g = gov(rng.nextBoolean() ? SyntheticWorld.POLICE : SyntheticWorld.CUSTOMS);
            Entity c = city();
            Entity d = drug();
            Date date = date(FIRST_YEAR);
            boolean pounds = rng.nextInt(3) == 0;
            String unit = pounds ? "pound" : "kilogram";
            long amount = amount(5000);
            String[] qual = qualifier();
            String qty = qual[1] + grouped(amount) + " " + unit + (amount == 1 ? "" : "s");
            String quantities = "        quantities:\n          - {value: " + amount + ", unit: " + unit
                + (qual[0].isEmpty() ? "" : ", qualifier: " + qual[0]) + ", of: " + d.slug + "}\n";
            String extra = "";
            String substances = d.slug;
            int more = rng.nextInt(4);
            if (more == 0) {
                Entity pre = pick(world.precursors);
                long preAmount = amount(2000);
                extra = " and " + grouped(preAmount) + " kilogram" + (preAmount == 1 ? "" : "s") + " of " + pre.label;
                quantities += "          - {value: " + preAmount + ", unit: kilogram, of: " + pre.slug + "}\n";
                substances = "[" + d.slug + ", " + pre.slug + "]";
            } else if (more == 1) {
                long pills = 1000L * (1 + rng.nextInt(500));
                String counted = "pills containing " + d.label;
                extra = " and " + grouped(pills) + " " + counted;
                quantities += "          - {value: " + pills + ", unit: count, counted: " + q(counted) + ", of: " + d.slug
                    + "}\n";
            }
            String quote = date.start() + ", " + g.ref + " seized " + qty + " of " + d.label + extra + " in " + c.label
                + " (case " + tok + ").";
            emitNodes("seizure-" + num, quote, node("seizure-" + num, "Seizure", "Seizure of " + qty + " of " + d.label
                + extra + " in " + c.label + " (" + date.text() + ")", "agent", g.slug, "place", c.slug, "substance",
                substances, "date", date.yaml()), quantities);
        }

        private void arrest(String num, String tok) throws IOException {
            Entity g = gov(SyntheticWorld.POLICE);
            Entity c = city();
            Indicted prior = rng.nextBoolean() ? indictments.peekFirst() : null;
            if (prior != null && prior.year() >= LAST_YEAR)
                prior = null;
            if (prior != null)
                indictments.pollFirst();
            Date date = prior != null ? date(prior.year() + 1) : date(FIRST_YEAR);
            Entity p = prior != null ? prior.person() : person();
            String quote, follows = "";
            if (prior != null) {
                quote = "After being indicted, " + p.label + " was arrested by " + g.ref + " in " + c.label + " "
                    + date.in() + " (case " + tok + ").";
                follows = "        follows: indictment-" + pad(prior.node(), width) + "\n";
            } else
                quote = g.refStart() + " arrested " + p.label + " in " + c.label + " " + date.in() + " (case " + tok + ").";
            emitNodes("arrest-" + num, quote, node("arrest-" + num, "Arrest", "Arrest of " + p.label + " in " + c.label
                + " (" + date.text() + ")", "agent", g.slug, "target", p.slug, "place", c.slug, "date", date.yaml()),
                follows);
        }

        private void indictment(String num, String tok) throws IOException {
            Entity g = gov(SyntheticWorld.PROSECUTOR);
            Entity p = person();
            Entity d = drug();
            Date date = date(FIRST_YEAR);
            String charge = String.format(java.util.Locale.ROOT, CHARGES[rng.nextInt(CHARGES.length)], d.label);
            String quote = date.start() + ", " + g.ref + " indicted " + p.label + " on charges of " + charge + " (case "
                + tok + ").";
            emitNodes("indictment-" + num, quote,
                node("indictment-" + num, "Indictment", "Indictment of " + p.label + " (" + date.text() + ")", "agent",
                    g.slug, "target", p.slug, "hasCharge", "indictment-" + num + "-charges", "substance", d.slug, "date",
                    date.yaml()),
                node("indictment-" + num + "-charges", "Charge", "Charges against " + p.label + " (" + date.text() + ")",
                    "defendant", p.slug, "status", "charged", "chargeDescription", q(charge)));
            remember(indictments, new Indicted(Long.parseLong(num), p, date.year()));
        }

        private void sanction(String num, String tok) throws IOException {
            Entity g = gov(SyntheticWorld.TREASURY);
            Entity t = rng.nextBoolean() ? person() : pick(world.orgs);
            Entity d = drug();
            Date date = date(FIRST_YEAR);
            String quote = date.start() + ", " + g.ref + " sanctioned " + t.ref + " for trafficking " + d.label + " (case "
                + tok + ").";
            emitNodes("sanction-" + num, quote, node("sanction-" + num, "Sanction", "Sanction against " + t.label + " by "
                + g.label + " (" + date.text() + ")", "agent", g.slug, "target", t.slug, "substance", d.slug, "date",
                date.yaml()));
        }

        // --- (c) claims ---------------------------------------------------------------------

        private void allegation(String num, String tok) throws IOException {
            Entity g = gov(SyntheticWorld.PROSECUTOR);
            Entity p = person();
            // An allegation need not match the record: prosecutors may name another organization.
            Entity o = rng.nextInt(3) == 0 ? pick(world.orgs) : world.get(p.org);
            boolean leads = rng.nextInt(4) == 0;
            String role = leads ? "leads " + o.ref : "is a member of " + o.ref;
            String quote = g.refStart() + " alleges that " + p.label + " " + role + " (case " + tok + ").";
            String content = triple(p.slug, leads ? "leaderOf" : "memberOf", o.slug);
            emitNodes("allegation-" + num, quote, node("allegation-" + num, "Allegation", g.label + " alleges that "
                + p.label + " " + role, "claimant", g.slug, "about", "[" + p.slug + ", " + o.slug + "]"),
                content(content));
            remember(allegations, new Alleged(Long.parseLong(num), p, content));
        }

        private void allegedTrafficking(String num, String tok) throws IOException {
            Entity g = gov(SyntheticWorld.PROSECUTOR);
            Entity p = person();
            Entity c = city();
            Entity d = drug();
            Date date = date(FIRST_YEAR);
            long amount = amount(3000);
            String qty = grouped(amount) + " kilogram" + (amount == 1 ? "" : "s");
            String quote = g.refStart() + " alleges that " + p.label + " trafficked " + qty + " of " + d.label
                + " through " + c.label + " " + date.in() + " (case " + tok + ").";
            String content = triple(p.slug, "traffics", d.slug);
            emitNodes("alleged-trafficking-" + num, quote,
                node("alleged-trafficking-" + num, "TraffickingActivity", "Alleged trafficking of " + qty + " of "
                    + d.label + " by " + p.label + " through " + c.label + " (" + date.text() + ")", "status", "alleged",
                    "agent", p.slug, "place", c.slug, "substance", d.slug, "date", date.yaml()),
                "        quantities:\n          - {value: " + amount + ", unit: kilogram, of: " + d.slug + "}\n",
                node("allegation-" + num, "Allegation", g.label + " alleges that " + p.label + " trafficked " + d.label
                    + " through " + c.label, "claimant", g.slug, "about", "[" + p.slug + "]", "claimsEvent",
                    "alleged-trafficking-" + num),
                content(content));
            remember(allegations, new Alleged(Long.parseLong(num), p, content));
        }

        private void claim(String num, String tok) throws IOException {
            Entity g = gov(rng.nextBoolean() ? SyntheticWorld.POLICE : SyntheticWorld.PROSECUTOR);
            Entity o = pick(world.orgs);
            Entity c = rng.nextInt(3) == 0 ? city() : world.get(o.city);
            String quote = "Officials of " + g.ref + " said that " + o.ref + " is based in " + c.label + " (case " + tok + ").";
            emitNodes("claim-" + num, quote, node("claim-" + num, "Claim", g.label + " says that " + o.label
                + " is based in " + c.label, "claimant", g.slug, "about", "[" + o.slug + "]"),
                content(triple(o.slug, "basedIn", c.slug)));
        }

        private void denial(String num, String tok) throws IOException {
            Alleged a = allegations.pollFirst();
            Entity p = a.person();
            String quote = rng.nextBoolean() ? p.label + " denied the allegations (case " + tok + ")."
                : "Through a lawyer, " + p.label + " denied the allegations (case " + tok + ").";
            emitNodes("denial-" + num, quote, node("denial-" + num, "Denial",
                p.label + " denies the allegations against them", "claimant", p.slug, "about", "[" + p.slug + "]",
                "denies", "allegation-" + pad(a.node(), width)), content(a.content()));
        }

        // --- values -------------------------------------------------------------------------

        /** An indictment a later arrest can follow: its node, the person indicted, its year. */
        private record Indicted(long node, Entity person, int year) {}

        /** An allegation a later denial can answer: its node, the person it accuses, its content (denied as it is). */
        private record Alleged(long node, Entity person, String content) {}

        private static <T> void remember(ArrayDeque<T> recent, T item) {
            recent.addLast(item);
            if (recent.size() > 16)
                recent.pollFirst();
        }

        /** One of {@code ids}, at random. */
        private Entity pick(int[] ids) {
            return world.get(ids[rng.nextInt(ids.length)]);
        }

        private Entity person() {
            return pick(world.people);
        }

        private Entity city() {
            return pick(world.cities);
        }

        private Entity drug() {
            // Fentanyl, the corpus's subject, is the most frequent; the others share the rest.
            return rng.nextInt(3) == 0 ? world.get(world.drugs[0]) : pick(world.drugs);
        }

        private Entity gov(int kind) {
            return pick(world.govByKind[kind]);
        }

        /** A quantity from 1 to about {@code max}, most of them small (log-uniform). */
        private long amount(int max) {
            return Math.max(1, Math.round(Math.exp(rng.nextDouble() * Math.log(max))));
        }

        /** {yaml keyword, words before the number}. */
        private String[] qualifier() {
            return switch (rng.nextInt(8)) {
                case 0 -> new String[] { "approximately", "approximately " };
                case 1 -> new String[] { "more-than", "more than " };
                case 2 -> new String[] { "nearly", "nearly " };
                default -> new String[] { "", "" };
            };
        }

        /** A date from {@code from} to {@link #LAST_YEAR}. */
        private Date date(int from) {
            int year = from + rng.nextInt(LAST_YEAR - from + 1), month = 1 + rng.nextInt(12), day = 1 + rng.nextInt(28);
            int precision = rng.nextInt(20);
            return new Date(year, precision < 3 ? 0 : month, precision < 10 ? 0 : day);
        }
    }

    /** A date at day, month (day 0) or year (month 0) precision, and how the text says it. */
    record Date(int year, int month, int day) {
        /** The words of the text: "March 3, 2023", "March 2023", "2023". */
        String text() {
            return month == 0 ? Integer.toString(year)
                : MONTHS[month - 1] + (day == 0 ? " " + year : " " + day + ", " + year);
        }

        /** The date at the start of a sentence: "On March 3, 2023", "In March 2023". */
        String start() {
            return (day == 0 ? "In " : "On ") + text();
        }

        /** The date within a sentence: "on March 3, 2023", "in March 2023". */
        String in() {
            return (day == 0 ? "in " : "on ") + text();
        }

        String yaml() {
            String value = year + (month == 0 ? "" : "-" + pad(month, 2) + (day == 0 ? "" : "-" + pad(day, 2)));
            return "{value: " + value + ", text: " + q(text()) + "}";
        }
    }

    // ------------------------------------------------------------------------------------------

    /** A YAML double-quoted scalar. */
    static String q(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    /** 1234567 as "1,234,567", as a news text writes it. */
    static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
