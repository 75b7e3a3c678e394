package org.w3id.ftkg.release;

import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * What changed between two releases: facts matched by id and compared by content hash, and the
 * whole dataset's change as an RDF Patch (applied to the older dataset it gives the newer one).
 */
public record ReleaseDiff(String oldVersion, String newVersion, List<FactState> added, List<FactState> removed,
                          List<Change> changed, int unchanged) {
    /** A fact present in both releases with a different hash. */
    public record Change(FactState before, FactState after) {}

    public static ReleaseDiff between(String oldVersion, SortedMap<String, FactState> before, String newVersion,
                                      SortedMap<String, FactState> after) {
        List<FactState> added = after.values().stream().filter(a -> !before.containsKey(a.id())).toList();
        List<FactState> removed = before.values().stream().filter(b -> !after.containsKey(b.id())).toList();
        List<Change> changed = before.values().stream().filter(b -> after.containsKey(b.id()))
            .map(b -> new Change(b, after.get(b.id()))).filter(c -> !c.after().hash().equals(c.before().hash()))
            .toList();
        int same = before.size() - removed.size() - changed.size();
        return new ReleaseDiff(oldVersion, newVersion, added, removed, changed, same);
    }

    /** The RDF Patch from {@code before} to {@code after}: deletions, then additions, each in N-Quads order. */
    public static RDFPatch patch(DatasetGraph before, DatasetGraph after, Node oldRelease, Node newRelease) {
        TreeSet<Quad> deleted = before.stream().filter(q -> !after.contains(q))
            .collect(Collectors.toCollection(ReleaseDiff::sorted));
        TreeSet<Quad> addedQuads = after.stream().filter(q -> !before.contains(q))
            .collect(Collectors.toCollection(ReleaseDiff::sorted));
        return RDFPatchOps.build(c -> {
            c.header("id", newRelease);
            c.header("prev", oldRelease);
            c.txnBegin();
            deleted.forEach(q -> c.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
            addedQuads.forEach(q -> c.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject()));
            c.txnCommit();
        });
    }

    private static TreeSet<Quad> sorted() {
        return new TreeSet<>(Comparator.comparing((Quad q) -> NodeFmtLib.strNQ(q)));
    }

    static Node releaseNode(String version) {
        return NodeFactory.createURI(ReleaseFolder.RELEASE_BASE + version);
    }

    /** The changelog in Markdown: added, removed and changed facts, changed quotes and offsets old next to new. */
    public String markdown() {
        StringBuilder b = new StringBuilder("# Changes from release " + oldVersion + " to " + newVersion + "\n\n");
        b.append(added.size()).append(" added, ").append(removed.size()).append(" removed, ").append(changed.size())
            .append(" changed, ").append(unchanged).append(" unchanged (facts matched by id, compared by content hash).\n");
        section(b, "Added", added, f -> "- " + link(f) + ": " + quoted(f) + " (hash `" + f.hash() + "`)\n");
        section(b, "Removed", removed, f -> "- " + link(f) + ": " + quoted(f) + " (last in release " + oldVersion
            + ", hash `" + f.hash() + "`)\n");
        section(b, "Changed", changed, c -> """
            ### %s

            | | release %s | release %s |
            | --- | --- | --- |
            | hash | `%s` | `%s` |
            | quote | %s | %s |
            | source | %s | %s |
            | offsets | %s | %s |

            """.formatted(link(c.after()), md(oldVersion), md(newVersion), c.before().hash(), c.after().hash(),
            quoteCell(c.before()), quoteCell(c.after()), md(String.valueOf(c.before().source())),
            md(String.valueOf(c.after().source())), offsets(c.before()), offsets(c.after())));
        return b.toString();
    }

    private static <T> void section(StringBuilder b, String title, List<T> items, Function<T, String> line) {
        b.append("\n## ").append(title).append("\n\n").append(items.isEmpty() ? "None.\n" : "");
        items.forEach(i -> b.append(line.apply(i)));
    }

    private static String link(FactState f) {
        return "[`" + f.id() + "`](" + f.iri() + ")";
    }

    private static String quoted(FactState f) {
        return quoteCell(f) + " in " + md(String.valueOf(f.source())) + " " + offsets(f);
    }

    private static String quoteCell(FactState f) {
        return f.quote() == null ? "(none)" : "«" + md(f.quote()) + "»";
    }

    private static String offsets(FactState f) {
        return f.start() == null ? "(none)" : "[" + f.start() + ", " + f.end() + ")";
    }

    /** Text safe inside a Markdown table cell or list item: one line, no table or markup characters. */
    static String md(String s) {
        return s.replaceAll("\\s+", " ").replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
            .replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;").replace("[", "\\[").replace("]", "\\]");
    }
}
