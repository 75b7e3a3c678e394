package org.w3id.ftkg.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.pipeline.KnowledgeGraph;
import org.w3id.ftkg.validate.ShapeCheck;
import org.w3id.ftkg.validate.SourceText;

/**
 * Writes the dumps of a built graph into a folder, every file in a sorted, reproducible order
 * and with no blank nodes, so that the same inputs give byte-identical files.
 */
public final class DumpWriter {
    public static final String TRIG = "ftkg.trig";
    public static final String NQUADS_GZ = "ftkg.nq.gz";
    public static final String TURTLE = "ftkg.ttl";
    public static final String JSONLD = "ftkg.jsonld";
    public static final String ONTOLOGY = "ontology.ttl";
    public static final String SHAPES = "shapes.ttl";
    public static final String VOID = "void.ttl";
    public static final String SUMS = "SHA256SUMS";
    public static final String SOURCES_DIR = "sources";

    private DumpWriter() {}

    /** Writes every dump into {@code dir}; returns the files written (relative names), void.ttl last. */
    public static List<String> write(KnowledgeGraph kg, Path project, Path dir, Long sourceDateEpoch) throws IOException {
        List<String> files = new ArrayList<>();
        List<Quad> quads = sortedQuads(kg.dataset());

        stream(dir.resolve(TRIG), RDFFormat.TRIG_BLOCKS, false, out -> quads.forEach(out::quad));
        files.add(TRIG);
        stream(dir.resolve(NQUADS_GZ), RDFFormat.NQUADS, true, out -> quads.forEach(out::quad));
        files.add(NQUADS_GZ);

        TreeSet<Triple> flat = flatten(quads, q -> true);
        stream(dir.resolve(TURTLE), RDFFormat.TURTLE_BLOCKS, false, out -> flat.forEach(out::triple));
        files.add(TURTLE);

        jsonld(dir.resolve(JSONLD), quads);
        files.add(JSONLD);

        Files.createDirectories(dir.resolve(SOURCES_DIR));
        for (SourceText s : kg.sources()) {
            TreeSet<Triple> perSource = perSource(kg, quads, s);
            String name = SOURCES_DIR + "/" + s.stem() + ".ttl";
            stream(dir.resolve(name), RDFFormat.TURTLE_BLOCKS, false, out -> perSource.forEach(out::triple));
            files.add(name);
        }
        Files.copy(project.resolve(Ontology.FILE), dir.resolve(ONTOLOGY));
        files.add(ONTOLOGY);
        Files.copy(project.resolve(ShapeCheck.FILE), dir.resolve(SHAPES));
        files.add(SHAPES);

        List<Triple> voidTriples = VoidDescription.describe(kg, quads, flat, dir, files, sourceDateEpoch);
        TreeSet<Triple> sortedVoid = new TreeSet<>(Sorted.TRIPLES);
        sortedVoid.addAll(voidTriples);
        stream(dir.resolve(VOID), RDFFormat.TURTLE_BLOCKS, false, out -> sortedVoid.forEach(out::triple));
        files.add(VOID);

        StringBuilder sums = new StringBuilder();
        for (String f : files)
            sums.append(Checksums.sha256(dir.resolve(f))).append("  ").append(f).append('\n');
        Files.writeString(dir.resolve(SUMS), sums.toString());
        files.add(SUMS);
        return files;
    }

    /** The formats {@link #export} writes. */
    public static final List<String> EXPORT_FORMATS = List.of("trig", "nquads", "turtle", "ntriples", "jsonld");

    /** Writes one format of the whole graph to a stream: the same bytes as the dump of that format. */
    public static void export(KnowledgeGraph kg, String format, OutputStream out) throws IOException {
        List<Quad> quads = sortedQuads(kg.dataset());
        switch (format) {
            case "trig" -> stream(out, RDFFormat.TRIG_BLOCKS, w -> quads.forEach(w::quad));
            case "nquads" -> stream(out, RDFFormat.NQUADS, w -> quads.forEach(w::quad));
            case "turtle" -> stream(out, RDFFormat.TURTLE_BLOCKS, w -> flatten(quads, g -> true).forEach(w::triple));
            case "ntriples" -> stream(out, RDFFormat.NTRIPLES, w -> flatten(quads, g -> true).forEach(w::triple));
            case "jsonld" -> jsonld(out, quads);
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected one of " + EXPORT_FORMATS + ")");
        }
    }

    static List<Quad> sortedQuads(DatasetGraph dsg) {
        List<Quad> quads = new ArrayList<>();
        dsg.find().forEachRemaining(quads::add);
        quads.sort(Sorted.QUADS);
        return quads;
    }

    /** Data triples (without their graphs), a statement node per (graph, triple), and the provenance graph. */
    static TreeSet<Triple> flatten(List<Quad> quads, java.util.function.Predicate<Node> dataGraphFilter) {
        TreeSet<Triple> flat = new TreeSet<>(Sorted.TRIPLES);
        for (Quad q : quads) {
            Node g = q.getGraph();
            if (Iris.isDataGraph(g) && dataGraphFilter.test(g)) {
                flat.add(q.asTriple());
                flat.addAll(StatementNodes.describe(g, q.asTriple()));
            } else if (g.equals(Iris.PROVENANCE_GRAPH))
                flat.add(q.asTriple());
        }
        return flat;
    }

    /** One source's facts, their statement nodes, their provenance and the source's own description. */
    static TreeSet<Triple> perSource(KnowledgeGraph kg, List<Quad> quads, SourceText s) {
        java.util.Set<Node> graphs = new java.util.HashSet<>();
        for (Fact f : kg.facts())
            if (f.quote().source().fileName().equals(s.fileName()))
                graphs.add(f.graph());
        String sourceIri = Iris.source(s.stem()).getURI();
        TreeSet<Triple> out = new TreeSet<>(Sorted.TRIPLES);
        for (Quad q : quads) {
            Node g = q.getGraph();
            if (graphs.contains(g)) {
                out.add(q.asTriple());
                out.addAll(StatementNodes.describe(g, q.asTriple()));
            } else if (g.equals(Iris.PROVENANCE_GRAPH)) {
                Node subj = q.getSubject();
                String u = subj.isURI() ? subj.getURI() : "";
                int hash = u.indexOf('#');
                Node base = hash > 0 ? Iris.uri(u.substring(0, hash)) : subj;
                if (graphs.contains(base) || u.equals(sourceIri) || u.startsWith(sourceIri + "#"))
                    out.add(q.asTriple());
            }
        }
        return out;
    }

    @FunctionalInterface
    interface Body {
        void emit(StreamRDF out);
    }

    static void stream(Path file, RDFFormat format, boolean gzip, Body body) throws IOException {
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
            stream(out, format, body);
        }
    }

    static void stream(OutputStream out, RDFFormat format, Body body) {
        StreamRDF w = StreamRDFWriter.getWriterStream(out, format);
        w.start();
        if (format != RDFFormat.NQUADS && format != RDFFormat.NTRIPLES)
            Vocab.PREFIXES.forEach(w::prefix);
        body.emit(w);
        w.finish();
    }

    private static void jsonld(Path file, Collection<Quad> quads) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            jsonld(out, quads);
        }
    }

    private static void jsonld(OutputStream out, Collection<Quad> quads) {
        DatasetGraph dsg = DatasetGraphFactory.create();
        quads.forEach(dsg::add);
        Map<String, String> pm = new LinkedHashMap<>(Vocab.PREFIXES);
        pm.forEach(dsg.prefixes()::add);
        RDFDataMgr.write(out, dsg, RDFFormat.JSONLD11_PRETTY);
    }
}
