package org.w3id.ftkg.serve.terms;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.model.Iris;

/**
 * The {@code ftkg:} terms a query names that the served ontology does not define (such a query silently matches
 * nothing), each with the nearest defined name. Other namespaces are never judged.
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
            return text(UnaryOperator.identity());
        }

        String text(UnaryOperator<String> encode) {
            return "ftkg:" + encode.apply(name) + (suggestion == null ? "" : " (did you mean ftkg:" + encode.apply(suggestion) + "?)");
        }
    }

    public UnknownTerms {
        known = Set.copyOf(known);
    }

    /** The terms of the ontology graph of this dataset. */
    public static UnknownTerms of(DatasetGraph dsg) {
        return dsg.calculateRead(() -> new UnknownTerms(dsg.getGraph(Iris.ONTOLOGY_GRAPH).find().mapWith(t -> t.getSubject())
            .filterKeep(Node::isURI).mapWith(Node::getURI).mapWith(UnknownTerms::localName).filterDrop(n -> n == null).toSet()));
    }

    private static String localName(String iri) {
        return iri.startsWith(Iris.ONTOLOGY) && iri.length() > Iris.ONTOLOGY.length() ? iri.substring(Iris.ONTOLOGY.length()) : null;
    }

    /** The unknown terms of the query, in the order it names them; none when there is no ontology to judge by. */
    public List<Unknown> in(Query query) {
        if (known.isEmpty())
            return List.of();
        return QueryTerms.of(query).stream().map(UnknownTerms::localName).filter(n -> n != null && !known.contains(n))
            .map(n -> new Unknown(n, nearest(n))).toList();
    }

    /**
     * The defined name nearest by edit distance (letter case ignored), if within a third of the name's length or two
     * edits (a swap of two letters is two); a tie goes to the name with the same initial case (a class for a class),
     * then to the first in alphabetical order.
     */
    String nearest(String name) {
        LevenshteinDistance distance = new LevenshteinDistance(Math.max(2, name.length() / 3));
        Map<String, Integer> near = new TreeMap<>();
        for (String k : known) {
            int d = distance.apply(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d >= 0) // (-1: beyond the bound)
                near.put(k, d);
        }
        Comparator<String> byCase = Comparator.comparing(k -> Character.isUpperCase(k.charAt(0)) != Character.isUpperCase(name.charAt(0)));
        return near.keySet().stream().min(Comparator.comparing((String k) -> near.get(k)).thenComparing(byCase)).orElse(null);
    }

    /**
     * The header's value: at most {@code max} terms separated by ", ", in ASCII (any other character of a name
     * percent-encoded as UTF-8).
     */
    public static String header(List<Unknown> unknown, int max) {
        return unknown.stream().limit(max).map(u -> u.text(UnknownTerms::ascii)).collect(Collectors.joining(", "));
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
