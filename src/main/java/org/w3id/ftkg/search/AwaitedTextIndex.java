package org.w3id.ftkg.search;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.rdf.model.Resource;

/**
 * A text index still being built while the server already answers: every use waits until it
 * is there, so that {@code text:query} never searches half an index.
 */
final class AwaitedTextIndex implements TextIndex {
    private final CompletableFuture<? extends TextIndex> building;

    AwaitedTextIndex(CompletableFuture<? extends TextIndex> building) {
        this.building = building;
    }

    private TextIndex index() {
        try {
            return building.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public void prepareCommit() {
        index().prepareCommit();
    }

    @Override
    public void commit() {
        index().commit();
    }

    @Override
    public void rollback() {
        index().rollback();
    }

    @Override
    public void addEntity(Entity entity) {
        index().addEntity(entity);
    }

    @Override
    public void updateEntity(Entity entity) {
        index().updateEntity(entity);
    }

    @Override
    public void deleteEntity(Entity entity) {
        index().deleteEntity(entity);
    }

    @Override
    public Map<String, Node> get(String uri) {
        return index().get(uri);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit) {
        return index().query(property, qs, graphURI, lang, limit);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang) {
        return index().query(property, qs, graphURI, lang);
    }

    @Override
    public List<TextHit> query(Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return index().query(property, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(List<Resource> props, String qs, String graphURI, String lang, int limit, String highlight) {
        return index().query(props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String uri, List<Resource> props, String qs, String graphURI, String lang, int limit,
                               String highlight) {
        return index().query(uri, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(Node subj, List<Resource> props, String qs, String graphURI, String lang, int limit,
                               String highlight) {
        return index().query(subj, props, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public List<TextHit> query(String uri, Node property, String qs, String graphURI, String lang, int limit, String highlight) {
        return index().query(uri, property, qs, graphURI, lang, limit, highlight);
    }

    @Override
    public EntityDefinition getDocDef() {
        return index().getDocDef();
    }

    @Override
    public void close() {
        // An index whose building failed holds nothing to close.
        if (!building.isCompletedExceptionally())
            index().close();
    }
}
