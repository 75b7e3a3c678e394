package org.w3id.ftkg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.store.MemoryStore;
import org.w3id.ftkg.store.Tdb2Store;
import org.w3id.ftkg.release.FactState;
import org.w3id.ftkg.release.ReleaseFolder;

/**
 * One release the server holds: its {@code release.ttl}, its dataset (union default graph; its own TDB2 database
 * when it has one, so that a large release needs no heap, else its N-Quads dump in memory) and every fact's state.
 */
public record HeldRelease(String version, String issued, String previous, String commit, Path dir, DatasetGraph dataset,
                          SortedMap<String, FactState> facts) {
    private static final Node PREVIOUS = Iris.uri(Vocab.DCAT + "previousVersion");
    private static final Node REVISION = Iris.uri("http://usefulinc.com/ns/doap#revision");

    /** Reads the release folder {@code dir} (made by {@code ftkg release}). */
    static HeldRelease read(Path dir) throws IOException {
        Path description = dir.resolve(ReleaseFolder.DESCRIPTION);
        Path dump = dir.resolve(ReleaseFolder.DUMPS).resolve(ReleaseFolder.NQUADS_GZ);
        if (!Files.isRegularFile(description) || !Files.isRegularFile(dump))
            throw new IOException(dir + " is not a release folder (no " + ReleaseFolder.DESCRIPTION + " or "
                + ReleaseFolder.DUMPS + "/" + ReleaseFolder.NQUADS_GZ + ")");
        Graph g = RDFParser.source(description).toGraph();
        String version = value(g, DataRelease.VERSION);
        if (version == null)
            throw new IOException(description + ": no dcat:version");
        String issued = value(g, DataRelease.ISSUED);
        String previous = null;
        var p = g.find(Node.ANY, PREVIOUS, Node.ANY);
        if (p.hasNext()) {
            String iri = p.next().getObject().getURI();
            previous = iri.substring(iri.lastIndexOf('/') + 1);
        }
        Path tdb2 = dir.resolve(ReleaseFolder.TDB2);
        DatasetGraph dsg = Files.isDirectory(tdb2) ? Tdb2Store.open(tdb2) : MemoryStore.withUnionDefault(ReleaseFolder.load(dump));
        try {
            return new HeldRelease(version, issued == null ? "" : issued.substring(0, Math.min(10, issued.length())), previous,
                value(g, REVISION), dir, dsg, dsg.calculateRead(() -> FactState.all(dsg)));
        } catch (RuntimeException e) {
            Tdb2Store.release(dsg);
            throw e;
        }
    }

    private static String value(Graph g, Node property) {
        var it = g.find(Node.ANY, property, Node.ANY);
        return it.hasNext() ? it.next().getObject().getLiteralLexicalForm() : null;
    }

    /** Its dumps folder (what /dumps/ serves when it is the newest). */
    public Path dumps() {
        return dir.resolve(ReleaseFolder.DUMPS);
    }

    /** The source texts its pages show: its own copy of seeds/, else (an older release) the project's. */
    public Path seeds(Path project) {
        Path own = dir.resolve(ReleaseFolder.SEEDS);
        return Files.isDirectory(own) ? own : project.resolve(ReleaseFolder.SEEDS);
    }

    /** Where its routes live: {@code /v/VERSION}. */
    public String base() {
        return "/v/" + version;
    }

    /** The dataset name of its SPARQL endpoints. */
    public String service() {
        return base() + FtkgServer.SERVICE;
    }

    public DataRelease asDataRelease() {
        return new DataRelease(version, issued);
    }
}
