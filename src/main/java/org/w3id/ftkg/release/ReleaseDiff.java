package org.w3id.ftkg.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

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
        List<FactState> added = new ArrayList<>(), removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int same = 0;
        for (FactState b : before.values()) {
            FactState a = after.get(b.id());
            if (a == null)
                removed.add(b);
            else if (!a.hash().equals(b.hash()))
                changed.add(new Change(b, a));
            else
                same++;
        }
        for (FactState a : after.values())
            if (!before.containsKey(a.id()))
                added.add(a);
        return new ReleaseDiff(oldVersion, newVersion, List.copyOf(added), List.copyOf(removed), List.copyOf(changed), same);
    }

    /**
     * The RDF Patch from {@code before} to {@code after}: every quad only in the older dataset
     * deleted, then every quad only in the newer one added, each in N-Quads order so that the
     * patch of two releases is always the same bytes. The header names both releases.
     */
    public static RDFPatch patch(DatasetGraph before, DatasetGraph after, Node oldRelease, Node newRelease) {
        TreeSet<Quad> deleted = sorted(), addedQuads = sorted();
        before.find().forEachRemaining(q -> {
            if (!after.contains(q))
                deleted.add(q);
        });
        after.find().forEachRemaining(q -> {
            if (!before.contains(q))
                addedQuads.add(q);
        });
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
        StringBuilder b = new StringBuilder();
        b.append("# Changes from release ").append(oldVersion).append(" to ").append(newVersion).append("\n\n");
        b.append(added.size()).append(" added, ").append(removed.size()).append(" removed, ").append(changed.size())
            .append(" changed, ").append(unchanged).append(" unchanged (facts matched by id, compared by content hash).\n");
        b.append("\n## Added\n\n");
        if (added.isEmpty())
            b.append("None.\n");
        for (FactState f : added)
            b.append("- ").append(link(f)).append(": ").append(quoted(f)).append(" (hash `").append(f.hash()).append("`)\n");
        b.append("\n## Removed\n\n");
        if (removed.isEmpty())
            b.append("None.\n");
        for (FactState f : removed)
            b.append("- ").append(link(f)).append(": ").append(quoted(f)).append(" (last in release ").append(oldVersion)
                .append(", hash `").append(f.hash()).append("`)\n");
        b.append("\n## Changed\n\n");
        if (changed.isEmpty())
            b.append("None.\n");
        for (Change c : changed) {
            b.append("### ").append(link(c.after())).append("\n\n");
            b.append("| | release ").append(md(oldVersion)).append(" | release ").append(md(newVersion)).append(" |\n");
            b.append("| --- | --- | --- |\n");
            b.append("| hash | `").append(c.before().hash()).append("` | `").append(c.after().hash()).append("` |\n");
            b.append("| quote | ").append(quoteCell(c.before())).append(" | ").append(quoteCell(c.after())).append(" |\n");
            b.append("| source | ").append(md(String.valueOf(c.before().source()))).append(" | ")
                .append(md(String.valueOf(c.after().source()))).append(" |\n");
            b.append("| offsets | ").append(offsets(c.before())).append(" | ").append(offsets(c.after())).append(" |\n\n");
        }
        return b.toString();
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
