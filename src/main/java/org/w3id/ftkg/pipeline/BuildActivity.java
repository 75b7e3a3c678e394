package org.w3id.ftkg.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.w3id.ftkg.digest.Sha256;
import org.w3id.ftkg.digest.Sha256.FileDigest;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.provenance.ProvenanceModeller;
import org.w3id.ftkg.source.SeedSet;

/**
 * The build as a {@code prov:Activity}, named by a digest of every input so that the same inputs name the same
 * activity. {@code curationFiles}: every file read besides the seeds, in a stable order, with its digest.
 */
public record BuildActivity(Node iri, Map<String, FileDigest> curationFiles, List<SeedSet.Seed> seeds) {
    public static final String VERSION = "0.1.0";

    public static BuildActivity of(Map<String, FileDigest> curationFiles, List<SeedSet.Seed> seeds) {
        TreeMap<String, String> inputs = new TreeMap<>();
        curationFiles.forEach((rel, d) -> inputs.put(rel, d.sha256()));
        for (SeedSet.Seed s : seeds)
            inputs.put(SeedSet.DIR + "/" + s.fileName(), s.sha256());
        StringBuilder sb = new StringBuilder();
        inputs.forEach((k, v) -> sb.append(v).append("  ").append(k).append('\n'));
        Node iri = Iris.uri(Iris.ACTIVITY + "build-" + Sha256.hex(sb.toString()).substring(0, 16));
        return new BuildActivity(iri, Map.copyOf(curationFiles), List.copyOf(seeds));
    }

    /** The activity and the curation files it used (the sources describe themselves with their facts). */
    public List<Triple> provenance(Long sourceDateEpoch) {
        List<Triple> out = new ArrayList<>();
        List<Node> used = new ArrayList<>();
        for (SeedSet.Seed s : seeds)
            used.add(Iris.source(s.stem()));
        new TreeMap<>(curationFiles).forEach((rel, d) -> {
            out.addAll(ProvenanceModeller.curationFile(rel, d.sha256(), d.size()));
            used.add(Iris.curationFile(rel));
        });
        out.addAll(ProvenanceModeller.activity(iri, used, sourceDateEpoch, VERSION));
        return out;
    }
}
