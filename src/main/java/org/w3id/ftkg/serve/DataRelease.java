package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.release.ReleaseFolder;

/**
 * The data release a citation names: version and issue date of the served {@code void.ttl} (or a release's
 * {@code release.ttl}), or "unreleased" with the build date (its {@code dcterms:modified}, the file's day, or today).
 */
public record DataRelease(String version, String date) {
    public static final String UNRELEASED = "unreleased";
    static final Node VERSION = Iris.uri(Vocab.DCAT + "version");
    static final Node ISSUED = Iris.uri(Vocab.DCT + "issued");

    public boolean released() {
        return !UNRELEASED.equals(version);
    }

    static DataRelease of(Path dist) {
        Path file = ReleaseFolder.ofDumps(dist).map(r -> r.resolve(ReleaseFolder.DESCRIPTION))
            .orElse(dist == null ? null : dist.resolve("void.ttl"));
        Graph g = ReleaseCounts.graph(file).orElse(null);
        if (g == null)
            return new DataRelease(UNRELEASED, LocalDate.now(ZoneOffset.UTC).toString());
        for (Triple t : g.find(Node.ANY, VERSION, Node.ANY).toList())
            return new DataRelease(t.getObject().getLiteralLexicalForm(), day(g, t.getSubject(), ISSUED, file));
        return new DataRelease(UNRELEASED, day(g, Iris.uri(Iris.DATASET), Vocab.DCT_MODIFIED, file));
    }

    /** The date part of the subject's date(-time) value, else the file's modification day. */
    private static String day(Graph g, Node subject, Node property, Path file) {
        for (Triple t : g.find(subject, property, Node.ANY).toList()) {
            String v = t.getObject().getLiteralLexicalForm();
            if (v.length() >= 10)
                return v.substring(0, 10);
        }
        try {
            return LocalDate.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneOffset.UTC).toString();
        } catch (IOException e) {
            return LocalDate.now(ZoneOffset.UTC).toString();
        }
    }
}
