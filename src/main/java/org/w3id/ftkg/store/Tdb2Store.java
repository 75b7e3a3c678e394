package org.w3id.ftkg.store;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.commons.io.file.PathUtils;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Graph;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.tdb2.xloader.ProcBuildIndexX;
import org.apache.jena.tdb2.xloader.ProcBuildNodeTableX;
import org.apache.jena.tdb2.xloader.ProcIngestDataX;
import org.apache.jena.tdb2.xloader.XLoaderFiles;
import org.slf4j.LoggerFactory;
import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.search.SearchIndex;

/**
 * A persistent TDB2 database of the built data, so that a large corpus is not re-read at every start. It is loaded
 * into a fresh folder that replaces the old one by renames (a killed load leaves the previous database as it was),
 * with its text index ({@link SearchIndex#FOLDER}) inside.
 */
public final class Tdb2Store {
    private Tdb2Store() {}

    /** Jena's bulk loaders for an empty database (measured against each other in BENCHMARKS.md). */
    public enum Loader {
        /** {@code LoaderFactory.phasedLoader}: node table and primary index, then the other indexes, in the JVM. */
        PHASED,
        /** {@code tdb2.xloader}'s steps: node table, data and each index built from sort(1)'s output. */
        XLOADER
    }

    private static final List<String> QUAD_INDEXES = List.of("GSPO", "GPOS", "GOSP", "SPOG", "POSG", "OSPG");
    private static final List<String> TRIPLE_INDEXES = List.of("SPO", "POS", "OSP");

    /** Loads {@code nquadsGz} into a new database at {@code dir}; returns the number of quads. */
    public static long load(Path nquadsGz, Path dir, Loader loader, Consumer<String> progress) throws IOException {
        long[] quads = new long[1];
        DistDirectory.replace(dir, tmp -> {
            quads[0] = loader == Loader.PHASED ? phased(nquadsGz, tmp, progress) : xloader(nquadsGz, tmp, progress);
            // The text index goes inside the new folder, so the two are always swapped in together.
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.toString());
            dsg.begin(TxnType.READ);
            try {
                SearchIndex.write(dsg.getUnionGraph(), tmp.resolve(SearchIndex.FOLDER), progress);
            } finally {
                dsg.end();
                TDBInternal.expel(dsg);
            }
        });
        return quads[0];
    }

    private static long phased(Path nquadsGz, Path db, Consumer<String> progress) throws IOException {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(db.toString());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nquadsGz), 1 << 16)) {
            // The phased loader needs a progress output (null fails).
            DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> progress.accept(String.format(fmt, args)));
            loader.startBulk();
            try {
                loader.loadFromInputStream(nquadsGz.toString(), in, Lang.NQUADS);
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            return loader.countQuads();
        } finally {
            // Release the files (and Jena's cached connection) before the folder is renamed into place.
            TDBInternal.expel(dsg);
        }
    }

    /** The steps of {@code tdb2.xloader} in this JVM: it sorts with sort(1) and gzip(1) in a work folder beside db. */
    private static long xloader(Path nquadsGz, Path db, Consumer<String> progress) throws IOException {
        for (String program : List.of("sort", "gzip"))
            if (Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .noneMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program))))
                throw new IOException("the xloader needs " + program + "(1) on the PATH (coreutils/gzip)");
        Path work = Files.createTempDirectory(db.getParent(), ".xloader-");
        try {
            XLoaderFiles files = new XLoaderFiles(work.toString());
            List<String> data = List.of(nquadsGz.toString());
            // Two sort threads: the load shares the machine with everything else.
            progress.accept("xloader: node table");
            ProcBuildNodeTableX.exec(db.toString(), files, 2, null, data);
            progress.accept("xloader: ingest data");
            ProcIngestDataX.exec(db.toString(), files, data, false);
            for (String index : Stream.concat(isEmpty(files.triplesFile) ? Stream.of() : TRIPLE_INDEXES.stream(),
                isEmpty(files.quadsFile) ? Stream.of() : QUAD_INDEXES.stream()).toList()) {
                progress.accept("xloader: index " + index);
                ProcBuildIndexX.exec(db.toString(), index, 2, null, files);
            }
            var info = JSON.read(files.loadInfo);
            return info.get("triples").getAsNumber().value().longValue() + info.get("quads").getAsNumber().value().longValue();
        } finally {
            TDBInternal.expel(DatabaseMgr.connectDatasetGraph(db.toString()));
            PathUtils.deleteDirectory(work);
        }
    }

    /** The xloader's work files may be gzipped: an empty one still has a header, so read a byte through it. */
    private static boolean isEmpty(String workFile) throws IOException {
        try (InputStream in = IO.openFile(workFile)) {
            return in.read() < 0;
        }
    }

    /**
     * Opens a database for serving, its default graph the union of the named graphs as on the in-memory server (for
     * SPARQL through TDB2's own setting, for the Java API through the view).
     *
     * @throws Tdb2Locks.DatabaseInUseException if another live process has the database open
     */
    public static DatasetGraph open(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new NoSuchFileException(dir.toString(), null, "no TDB2 database here (run build --tdb2 first)");
        // The folder may be a copy: a lock another live process holds refuses it, a stale one is removed.
        Tdb2Locks.claim(dir, LoggerFactory.getLogger(Tdb2Store.class)::info);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return new UnionDefaultGraphView(dsg);
    }

    /** Closes a database opened by {@link #open}, releasing its files (a no-op for other datasets). */
    public static void release(DatasetGraph dsg) {
        if (isDatabase(dsg))
            TDBInternal.expel(UnionDefaultGraphView.base(dsg));
    }

    /** Whether a dataset is a TDB2 database (as {@link #open} gives it), not data in memory. */
    public static boolean isDatabase(DatasetGraph dsg) {
        return DatabaseMgr.isTDB2(UnionDefaultGraphView.base(dsg));
    }

    /** A TDB2 database whose default graph, through the Java API, is the union of its named graphs (computed). */
    private static final class UnionDefaultGraphView extends DatasetGraphWrapper {
        UnionDefaultGraphView(DatasetGraph base) {
            super(base);
        }

        @Override
        public Graph getDefaultGraph() {
            return getUnionGraph();
        }

        static DatasetGraph base(DatasetGraph dsg) {
            return dsg instanceof UnionDefaultGraphView v ? v.getWrapped() : dsg;
        }
    }
}
