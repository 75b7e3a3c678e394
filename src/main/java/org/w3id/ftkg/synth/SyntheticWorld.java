package org.w3id.ftkg.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The invented people, organizations, government bodies, places, substances, reporters and news
 * outlets of the synthetic sources, with unique names built from syllables, all drawn in a fixed
 * order from one seeded generator: the same seed and size give the same world.
 */
final class SyntheticWorld {
    /** Kinds of government body; each kind plays its own roles in events. */
    static final int POLICE = 0, PROSECUTOR = 1, TREASURY = 2, CUSTOMS = 3, GOV_KINDS = 4;

    static final class Entity {
        final String slug;
        final String type;
        final String label;
        /** How a sentence names it in mid-sentence ("the Quorvano Cartel", "Tolamar"). */
        final String ref;
        int org = -1;      // person: the criminal organization they belong to
        int parent = -1;   // criminal organization: the organization it is a faction of
        int city = -1;     // criminal organization: where it is based
        int leader = -1;   // criminal organization: its leader (a person)

        Entity(String slug, String type, String label, String ref) {
            this.slug = slug;
            this.type = type;
            this.label = label;
            this.ref = ref;
        }

        /** The sentence-initial form of {@link #ref}. */
        String refStart() {
            return Character.toUpperCase(ref.charAt(0)) + ref.substring(1);
        }
    }

    private static final String[] ONSETS = { "b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "z",
        "ch", "br", "tr", "gr", "j", "qu" };
    private static final String[] VOWELS = { "a", "e", "i", "o", "u", "a", "o" };
    private static final String[] CODAS = { "", "", "", "", "n", "r", "s", "l" };
    private static final String[] GIVEN = { "Alejandro", "Beatriz", "Carlos", "Diana", "Eduardo", "Fernanda",
        "Gabriel", "Hector", "Ines", "Javier", "Karina", "Luis", "Marisol", "Nicolas", "Olga", "Pablo", "Raquel",
        "Sergio", "Teresa", "Ulises", "Valeria", "Wilfredo", "Ximena", "Yolanda", "Zacarias", "Andres", "Brenda",
        "Cesar", "Daniela", "Emilio", "Felipe", "Gloria", "Hugo", "Irene", "Jorge", "Laura", "Mario", "Nora", "Oscar",
        "Patricia", "Ramon", "Sofia", "Tomas", "Victor", "Adriana", "Benito", "Claudia", "Diego", "Elena",
        "Francisco", "Graciela", "Ignacio", "Julia", "Leonel", "Monica", "Norberto", "Octavio", "Paola", "Rodrigo",
        "Silvia" };
    private static final String[] DRUGS = { "fentanyl", "heroin", "cocaine", "methamphetamine", "carfentanil",
        "acetylfentanyl", "furanylfentanyl", "xylazine", "isotonitazene", "oxycodone" };
    private static final String[] PRECURSORS = { "4-ANPP", "NPP", "4-AP", "1-boc-4-AP", "norfentanyl",
        "propionyl chloride", "aniline", "4-piperidone", "phenethyl bromide", "benzylfentanyl" };
    private static final String[][] GOV_NAMES = {
        { "Federal Police", "Attorney General's Office", "Treasury Ministry", "Customs Service" },  // of a country
        { "State Police", "State Prosecutor's Office", "State Finance Office", "State Customs Office" } }; // of an area

    final List<Entity> all = new ArrayList<>();
    final int[] people, reporters, orgs, factions, countries, areas, cities, drugs, precursors, media;
    final int[][] govByKind = new int[GOV_KINDS][];

    private final Set<String> usedSlugs = new HashSet<>();
    private final Set<String> usedLabels = new HashSet<>();
    private final SplittableRandom rng;

    /** Per-kind shares of the entity count, and the minimum of each. */
    SyntheticWorld(int size, SplittableRandom rng) {
        this.rng = rng;
        int nMedia = Math.max(1, size / 100);
        int nReporters = Math.max(2, size * 3 / 100);
        int nCountries = Math.max(1, size / 100);
        int nAreas = Math.max(1, size * 3 / 100);
        int nCities = Math.max(2, size * 8 / 100);
        int nGov = Math.min(GOV_KINDS * (nCountries + nAreas), Math.max(GOV_KINDS, size * 8 / 100));
        int nDrugs = Math.max(2, size * 2 / 100);
        int nPrecursors = Math.max(1, size / 100);
        int nOrgs = Math.max(3, size * 12 / 100);
        int nPeople = Math.max(nOrgs + 1, size - (nMedia + nReporters + nCountries + nAreas + nCities + nGov + nDrugs
            + nPrecursors + nOrgs));

        countries = named(nCountries, "Country", () -> word(2, 3)
            + pick(new String[] { "ia", "ia", "a", "o", "land", "ar" }));
        areas = named(nAreas, "AdministrativeArea", () -> word(2, 3)
            + pick(new String[] { " State", " State", " Province" }));
        cities = named(nCities, "City", () -> pick(new String[] { "", "", "", "", "San ", "Santa ", "Puerto ", "Villa " })
            + word(2, 3));
        // Government bodies: each jurisdiction (countries first) gets one body of each kind, in turn.
        int[] jurisdictions = IntStream.concat(Arrays.stream(countries), Arrays.stream(areas)).toArray();
        int[] gov = new int[nGov];
        for (int k = 0; k < nGov; k++) {
            Entity p = all.get(jurisdictions[k / GOV_KINDS]);
            String name = p.label.replaceFirst(" (State|Province)$", "") + " "
                + GOV_NAMES[p.type.equals("Country") ? 0 : 1][k % GOV_KINDS];
            if (p.label.endsWith(" Province"))
                name = name.replace(" State ", " Provincial ");
            gov[k] = add("GovernmentBody", uniqueLabel(name), "the " + name);
        }
        for (int kind = 0; kind < GOV_KINDS; kind++) {
            int k = kind;
            govByKind[kind] = IntStream.range(0, nGov).filter(i -> i % GOV_KINDS == k).map(i -> gov[i]).toArray();
        }
        drugs = substances(nDrugs, DRUGS, "Drug", "fentanyl");
        precursors = substances(nPrecursors, PRECURSORS, "PrecursorChemical", "piperidine");

        // Criminal organizations: some are factions of an earlier, independent one.
        orgs = new int[nOrgs];
        List<Integer> independent = new ArrayList<>();
        List<Integer> factionList = new ArrayList<>();
        for (int i = 0; i < nOrgs; i++) {
            boolean faction = i > 0 && rng.nextInt(10) < 3;
            String name, ref;
            if (faction) {
                name = uniqueLabel(() -> "Los " + word(2, 3) + "s");
                ref = name;
            } else {
                int form = rng.nextInt(4);
                name = uniqueLabel(() -> switch (form) {
                    case 0, 1 -> word(2, 3) + " Cartel";
                    case 2 -> "Cartel del " + word(2, 3);
                    default -> word(2, 3) + " Organization";
                });
                ref = "the " + name;
            }
            orgs[i] = add("CriminalOrganization", name, ref);
            Entity o = all.get(orgs[i]);
            o.city = cities[rng.nextInt(nCities)];
            if (faction) {
                o.parent = orgs[independent.get(rng.nextInt(independent.size()))];
                factionList.add(orgs[i]);
            } else
                independent.add(i);
        }
        factions = factionList.stream().mapToInt(Integer::intValue).toArray();

        // People: the first one of each organization leads it; the others belong to one at random.
        people = new int[nPeople];
        for (int i = 0; i < nPeople; i++) {
            people[i] = add("Person", uniqueLabel(this::personName), null);
            Entity p = all.get(people[i]);
            p.org = i < nOrgs ? orgs[i] : orgs[rng.nextInt(nOrgs)];
            if (i < nOrgs)
                all.get(orgs[i]).leader = people[i];
        }
        reporters = named(nReporters, "Person", this::personName);
        media = named(nMedia, "MediaOrganization", () -> word(2, 3) + pick(new String[] { " Herald", " News", " Tribune",
            " Gazette", " Daily", " Observer" }));
    }

    /** {@code n} new entities of a type, named by {@code names}. */
    private int[] named(int n, String type, Supplier<String> names) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++)
            out[i] = add(type, uniqueLabel(names), null);
        return out;
    }

    private int[] substances(int n, String[] fixed, String type, String analogSuffix) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++)
            out[i] = add(type, i < fixed.length ? uniqueLabel(fixed[i])
                : uniqueLabel(() -> word(1, 2).toLowerCase(Locale.ROOT) + analogSuffix), null);
        return out;
    }

    private String personName() {
        String name = GIVEN[rng.nextInt(GIVEN.length)] + " " + word(2, 3);
        return rng.nextInt(10) < 4 ? name + " " + word(2, 3) : name;
    }

    private int add(String type, String label, String ref) {
        String slug = slug(label);
        if (!usedSlugs.add(slug))
            throw new IllegalStateException("duplicate synthetic slug " + slug);
        all.add(new Entity(slug, type, label, ref == null ? label : ref));
        return all.size() - 1;
    }

    /** Draws names until one is new (label and slug). */
    private String uniqueLabel(Supplier<String> gen) {
        for (int attempt = 0; ; attempt++) {
            String s = gen.get();
            if (!usedLabels.contains(s) && !usedSlugs.contains(slug(s))) {
                usedLabels.add(s);
                return s;
            }
            if (attempt > 10_000)
                throw new IllegalStateException("cannot find a new name");
        }
    }

    private String uniqueLabel(String s) {
        if (!usedLabels.add(s))
            throw new IllegalStateException("duplicate synthetic name " + s);
        return s;
    }

    /** A capitalized word of {@code min} to {@code max} syllables. */
    private String word(int min, int max) {
        int n = min + rng.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String onset = ONSETS[rng.nextInt(ONSETS.length)];
            String vowel = VOWELS[rng.nextInt(VOWELS.length)];
            if (onset.equals("qu") && !(vowel.equals("e") || vowel.equals("i")))
                onset = "c";
            b.append(onset).append(vowel);
            if (i == n - 1 || rng.nextInt(3) == 0)
                b.append(CODAS[rng.nextInt(CODAS.length)]);
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private String pick(String[] options) {
        return options[rng.nextInt(options.length)];
    }

    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replace("'", "").replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    Entity get(int i) {
        return all.get(i);
    }
}
