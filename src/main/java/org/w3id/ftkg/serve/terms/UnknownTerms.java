package org.w3id.ftkg.serve.terms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.text.similarity.LevenshteinDistance;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.model.Iris;

/**
 * The {@code ftkg:} terms a query names that the served ontology does not define, each with the
 * nearest defined name (a query naming them silently matches nothing). Other namespaces are
 * never judged.
 *
 * @param known the local names the ontology defines (every {@code ftkg:} subject of its graph)
 */
public record UnknownTerms(Set<String> known) {
    /** The response header that lists them, e.g. {@code ftkg:Inditment (did you mean ftkg:Indictment?)}. */
    public static final String HEADER = "FTKG-Unknown-Terms";

    /** A term the ontology lacks, and the defined name nearest to it (null if none is near). */
    public record Unknown(String name, String suggestion) {
        /** "ftkg:X (did you mean ftkg:Y?)", or "ftkg:X". */
        public String text() {
            return "ftkg:" + name + (suggestion == null ? "" : " (did you mean ftkg:" + suggestion + "?)");
        }
    }

    public UnknownTerms {
        known = Set.copyOf(known);
    }

    /** The terms of the ontology graph of this dataset. */
    public static UnknownTerms of(DatasetGraph dsg) {
        return dsg.calculateRead(() -> {
            Set<String> names = new TreeSet<>();
            dsg.getGraph(Iris.ONTOLOGY_GRAPH).find().forEachRemaining(t -> {
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(Iris.ONTOLOGY) && s.getURI().length() > Iris.ONTOLOGY.length())
                    names.add(s.getURI().substring(Iris.ONTOLOGY.length()));
            });
            return new UnknownTerms(names);
        });
    }

    /** The unknown terms of the query, in the order it names them; none when there is no ontology to judge by. */
    public List<Unknown> in(Query query) {
        List<Unknown> out = new ArrayList<>();
        if (known.isEmpty())
            return out;
        for (String iri : QueryTerms.of(query)) {
            if (!iri.startsWith(Iris.ONTOLOGY) || iri.length() == Iris.ONTOLOGY.length())
                continue;
            String name = iri.substring(Iris.ONTOLOGY.length());
            if (!known.contains(name))
                out.add(new Unknown(name, nearest(name)));
        }
        return out;
    }

    /**
     * The defined name nearest by edit distance (letter case ignored), if within a third of the
     * name's length or two edits (a swap of two letters is two); a tie goes to the name with the
     * same initial case (a class for a class).
     */
    String nearest(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int bound = Math.max(2, name.length() / 3);
        Comparator<String> byCase = Comparator.comparing(k -> Character.isUpperCase(k.charAt(0)) != Character.isUpperCase(name.charAt(0)));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) { // sorted: ties keep the first name
            int d = distance(lower, k.toLowerCase(Locale.ROOT), bound);
            if (d < bestDistance || d == bestDistance && best != null && byCase.compare(k, best) < 0) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= bound ? best : null;
    }

    /** Levenshtein distance, or {@code bound + 1} as soon as it must exceed {@code bound}. */
    static int distance(String a, String b, int bound) {
        int d = new LevenshteinDistance(bound).apply(a, b);
        return d < 0 ? bound + 1 : d;
    }

    /**
     * The header's value: the terms separated by ", ", in ASCII (any other character of a name, and
     * the separators, percent-encoded as UTF-8), at most {@code max} terms.
     */
    public static String header(List<Unknown> unknown, int max) {
        List<String> parts = new ArrayList<>();
        for (Unknown u : unknown.subList(0, Math.min(max, unknown.size())))
            parts.add("ftkg:" + ascii(u.name()) + (u.suggestion() == null ? "" : " (did you mean ftkg:" + ascii(u.suggestion()) + "?)"));
        return String.join(", ", parts);
    }

    private static String ascii(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                b.append((char) c);
            else
                b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }
}
