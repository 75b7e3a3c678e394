package org.w3id.ftkg.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.query.TxnType;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.w3id.ftkg.output.DistDirectory;
import org.w3id.ftkg.search.SearchIndex;

/**
 * A persistent TDB2 database of the built data, so that a large corpus is not re-read into memory
 * at every start. It is loaded from the N-Quads dump with Jena's bulk loader into a fresh folder
 * that replaces the old one by renames: a killed load leaves the previous database as it was.
 * The folder also holds the database's text index ({@link SearchIndex#FOLDER}).
 */
public final class Tdb2Store {
    private Tdb2Store() {}

    /** Loads {@code nquadsGz} into a new database at {@code dir}; returns the number of quads. */
    public static long load(Path nquadsGz, Path dir, Consumer<String> progress) throws IOException {
        long[] quads = new long[1];
        DistDirectory.replace(dir, tmp -> {
            DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(tmp.toString());
            try (InputStream in = new GZIPInputStream(Files.newInputStream(nquadsGz), 1 << 16)) {
                // The phased loader suits a machine with few cores; it needs a progress output (null fails).
                MonitorOutput out = (fmt, args) -> progress.accept(String.format(fmt, args));
                DataLoader loader = LoaderFactory.phasedLoader(dsg, out);
                loader.startBulk();
                try {
                    loader.loadFromInputStream(nquadsGz.toString(), in, Lang.NQUADS);
                    loader.finishBulk();
                } catch (RuntimeException e) {
                    loader.finishException(e);
                    throw e;
                }
                quads[0] = loader.countQuads();
                // The text index goes inside the new folder, so the two are always swapped in together.
                dsg.begin(TxnType.READ);
                try {
                    SearchIndex.write(dsg.getUnionGraph(), tmp.resolve(SearchIndex.FOLDER), progress);
                } finally {
                    dsg.end();
                }
            } finally {
                // Release the files (and Jena's cached connection) before the folder is renamed into place.
                TDBInternal.expel(dsg);
            }
        });
        return quads[0];
    }

    /**
     * Opens a database for serving: its default graph is the union of the named graphs, as on
     * the in-memory server (for SPARQL through TDB2's own setting, for the Java API through the view).
     */
    public static DatasetGraph open(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no TDB2 database here (run build --tdb2 first)");
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return new UnionDefaultGraphView(dsg);
    }

    /** Closes a database opened by {@link #open}, releasing its files (a no-op for other datasets). */
    public static void release(DatasetGraph dsg) {
        DatasetGraph base = dsg instanceof UnionDefaultGraphView v ? v.getWrapped() : dsg;
        if (DatabaseMgr.isTDB2(base))
            TDBInternal.expel(base);
    }
}
