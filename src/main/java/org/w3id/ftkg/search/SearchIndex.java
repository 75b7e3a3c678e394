package org.w3id.ftkg.search;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;

/**
 * The jena-text Lucene index of every name and description under /id/, one document each, with its
 * literal and language stored so that a hit says which name matched. It answers both
 * {@code text:query} (set in the dataset's context) and the {@code /search} route.
 */
public final class SearchIndex {
    /** The index's folder inside a TDB2 database folder, so that both are replaced together. */
    public static final String FOLDER = "text-index";
    /** How the progress message of a finished {@link #write} begins (the benchmark reads its time). */
    public static final String WRITTEN = "text index written:";
    public static final String URI = "uri", LABEL = "label", ALT_LABEL = "altLabel", DESCRIPTION = "description",
        LANG = "lang";
    static final List<Node> PREDICATES = List.of(Vocab.LABEL, Vocab.ALT_LABEL, Vocab.COMMENT, Vocab.DESCRIPTION);

    private SearchIndex() {}

    static TextIndexConfig config() {
        EntityDefinition d = new EntityDefinition(URI, LABEL, Vocab.LABEL);
        d.set(ALT_LABEL, Vocab.ALT_LABEL);
        d.set(DESCRIPTION, Vocab.COMMENT);
        d.set(DESCRIPTION, Vocab.DESCRIPTION);
        d.setLangField(LANG);
        TextIndexConfig c = new TextIndexConfig(d);
        // The query analyzer defaults to this one too (keyword analysis for the uri and lang fields).
        c.setAnalyzer(new FoldingAnalyzer());
        c.setValueStored(true);
        return c;
    }

    /** A new index in memory, filled from {@code source} (the union of the graphs). */
    public static TextIndexLucene inMemory(Graph source) {
        TextIndexLucene index = new TextIndexLucene(new ByteBuffersDirectory(), config());
        fill(source, index, msg -> {});
        return index;
    }

    /** Writes the index of {@code source} into the new folder {@code dir} (merged into one segment for fast lookups). */
    public static long write(Graph source, Path dir, Consumer<String> progress) throws IOException {
        if (Files.exists(dir))
            throw new IOException("the text index folder already exists: " + dir);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (Directory d = FSDirectory.open(dir)) {
            TextIndexLucene index = new TextIndexLucene(d, config());
            try {
                long n = fill(source, index, progress);
                index.getIndexWriter().forceMerge(1);
                index.commit();
                progress.accept(String.format(Locale.ROOT, "%s %d documents in %.1f s", WRITTEN, n, (System.nanoTime() - t0) / 1e9));
                return n;
            } finally {
                index.close();
            }
        }
    }

    /**
     * The index for serving {@code dsg}: the one {@code build --tdb2} wrote beside the database, else one built in
     * memory on {@code builder} once {@code after} is done (the server answers meanwhile; text:query waits for it).
     */
    public static CompletableFuture<TextIndexLucene> serve(DatasetGraph dsg, Path tdb2, CompletableFuture<?> after,
                                                           Executor builder, Consumer<String> progress) throws IOException {
        CompletableFuture<TextIndexLucene> index;
        Path written = tdb2 == null ? null : tdb2.resolve(FOLDER);
        if (written != null && Files.isDirectory(written)) // the server holds Lucene's write lock while it runs
            index = CompletableFuture.completedFuture(new TextIndexLucene(FSDirectory.open(written), config()));
        else {
            if (tdb2 != null)
                progress.accept("no text index in " + tdb2 + " (made by build --tdb2): indexing in memory");
            index = after.thenApplyAsync(done -> dsg.calculateRead(() -> inMemory(dsg.getDefaultGraph())), builder);
        }
        dsg.getContext().set(TextQuery.textIndex, awaited(index));
        return index;
    }

    /** The index being built, as one whose every use waits for it: text:query never searches half an index. */
    private static TextIndex awaited(CompletableFuture<? extends TextIndex> building) {
        return (TextIndex) Proxy.newProxyInstance(TextIndex.class.getClassLoader(), new Class<?>[] { TextIndex.class },
            (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class)
                    return method.getName().equals("equals") ? proxy == args[0] : method.invoke(building, args);
                // An index whose building failed holds nothing to close.
                if (method.getName().equals("close") && building.isCompletedExceptionally())
                    return null;
                try {
                    return method.invoke(building.join(), args);
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    }

    /** Closes the index {@link #serve} set on {@code dsg}, if any. */
    public static void release(DatasetGraph dsg) {
        if (dsg.getContext().get(TextQuery.textIndex) instanceof TextIndex index) {
            dsg.getContext().remove(TextQuery.textIndex);
            index.close();
        }
    }

    /** Adds a document for every indexed literal of a thing under /id/; commits; returns the count. */
    static long fill(Graph source, TextIndex index, Consumer<String> progress) {
        long[] n = { 0 };
        for (Node p : PREDICATES)
            try (Stream<Triple> triples = source.stream(Node.ANY, p, Node.ANY)) {
                triples.filter(t -> t.getSubject().isURI() && t.getSubject().getURI().startsWith(Iris.ID)
                    && t.getObject().isLiteral()).forEach(t -> {
                        Node s = t.getSubject();
                        index.addEntity(TextQueryFuncs.entityFromQuad(index.getDocDef(), null, s, p, t.getObject()));
                        if (++n[0] % 500_000 == 0)
                            progress.accept("text index: " + n[0] + " names and descriptions");
                    });
            }
        index.commit();
        progress.accept("text index: " + n[0] + " names and descriptions");
        return n[0];
    }
}
