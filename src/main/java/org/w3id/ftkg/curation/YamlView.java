package org.w3id.ftkg.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;

/** A located view of one YAML mapping: its getters record a problem (file, line, column) instead of throwing. */
record YamlView(String file, MappingNode node, Problems problems, Map<String, Node> entries) {
    /** A view of {@code node}, or empty (with a problem recorded) if it is not a mapping. */
    static Optional<YamlView> of(String file, Node node, String what, Problems problems) {
        if (!(node instanceof MappingNode map)) {
            problems.add(locate(file, node.getStartMark()), what + " must be a mapping (key: value lines)");
            return Optional.empty();
        }
        YamlView v = new YamlView(file, map, problems, new LinkedHashMap<>());
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problems.add(v.at(t.getKeyNode()), "a key must be a plain name");
                continue;
            }
            // The composer keeps duplicate keys; a curator who repeats one almost always lost data.
            if (v.entries.containsKey(key.getValue()))
                problems.add(v.at(key), "duplicate key '" + key.getValue() + "' (first at line "
                    + v.at(v.entries.get(key.getValue())).line() + ")");
            else
                v.entries.put(key.getValue(), t.getValueNode());
            // A key written with no value (or null, ~) would be dropped without a word: the curator meant something.
            if (isNull(t.getValueNode()))
                problems.add(v.at(t.getValueNode()), "'" + key.getValue() + "' has no value ("
                    + nullSpelling(t.getValueNode()) + "): give one or remove the key");
        }
        return Optional.of(v);
    }

    static Location locate(String file, Optional<Mark> mark) {
        return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1)).orElse(Location.ofFile(file));
    }

    Location at(Node n) {
        return locate(file, n.getStartMark());
    }

    Location at() {
        return at(node);
    }

    Location at(String key) {
        return at(entries.getOrDefault(key, node));
    }

    boolean has(String key) {
        Node n = entries.get(key);
        return n != null && !isNull(n);
    }

    /** Records a problem for every key not in {@code allowed}. */
    void allowOnly(Set<String> allowed) {
        for (var e : entries.entrySet())
            if (!allowed.contains(e.getKey()))
                problems.add(at(e.getValue()), "unknown key '" + e.getKey() + "' (expected one of: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
    }

    Optional<Node> node(String key) {
        Node n = entries.get(key);
        return n == null || isNull(n) ? Optional.empty() : Optional.of(n);
    }

    /** An optional value; an empty one ("") is a problem, as it would be published as an empty label or text. */
    Optional<String> string(String key) {
        Optional<String> v = rawString(key);
        if (v.isPresent() && v.get().isBlank()) {
            problems.add(at(key), "'" + key + "' is empty: give a value or remove the key");
            return Optional.empty();
        }
        return v;
    }

    /** {@link #string}, or null. */
    String orNull(String key) {
        return string(key).orElse(null);
    }

    private Optional<String> rawString(String key) {
        return node(key).flatMap(n -> scalar(n, key));
    }

    String required(String key) {
        Optional<String> s = rawString(key);
        if (s.isEmpty() && !entries.containsKey(key))
            problems.add(at(), "missing required key '" + key + "'");
        else if (s.isPresent() && s.get().isBlank()) {
            problems.add(at(key), "'" + key + "' is empty");
            return null;
        }
        return s.orElse(null);
    }

    Optional<String> scalar(Node n, String what) {
        if (n instanceof ScalarNode s)
            return Optional.of(s.getValue());
        problems.add(at(n), "'" + what + "' must be a single value, not a "
            + (n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "list" : "value"));
        return Optional.empty();
    }

    /** A scalar or a list of scalars, as a list. */
    List<Located<String>> strings(String key) {
        List<Located<String>> out = new ArrayList<>();
        node(key).ifPresent(n -> {
            if (n instanceof SequenceNode seq) {
                for (Node item : seq.getValue())
                    if (isNull(item))
                        problems.add(at(item), "an item of '" + key + "' is empty (" + nullSpelling(item) + ")");
                    else
                        scalar(item, key).ifPresent(v -> add(out, key, v, item));
            } else
                scalar(n, key).ifPresent(v -> add(out, key, v, n));
        });
        return out;
    }

    private void add(List<Located<String>> out, String key, String v, Node n) {
        if (v.isBlank())
            problems.add(at(n), "a value of '" + key + "' is empty");
        else
            out.add(new Located<>(v, at(n)));
    }

    /** The mappings in a list under {@code key}. */
    List<YamlView> maps(String key) {
        List<YamlView> out = new ArrayList<>();
        node(key).ifPresent(n -> {
            if (n instanceof SequenceNode seq) {
                for (Node item : seq.getValue())
                    of(file, item, "an item of '" + key + "'", problems).ifPresent(out::add);
            } else
                problems.add(at(n), "'" + key + "' must be a list (lines starting with '- ')");
        });
        return out;
    }

    Optional<YamlView> map(String key) {
        return node(key).flatMap(n -> of(file, n, "'" + key + "'", problems));
    }

    Set<String> keys() {
        return entries.keySet();
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private static String nullSpelling(Node n) {
        String v = ((ScalarNode) n).getValue();
        return v.isEmpty() ? "empty" : v;
    }
}
