package org.w3id.ftkg.model;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.w3id.ftkg.curation.EntityRecord;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.FactsFile;
import org.w3id.ftkg.curation.NodeSpec;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.source.SourceText;

/** Every slug and what it names: entities and fact nodes share one slug space, as they share {@code /id/}. */
public final class ThingIndex {
    public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    public static final String SOURCE_REF = "source:";

    private final Map<String, Thing> things = new LinkedHashMap<>();
    private final Map<String, String> sourceStems = new HashMap<>();

    private ThingIndex() {}

    /** Builds an index one facts file at a time (entities first, then the nodes of each file in order). */
    public static final class Builder {
        private final ThingIndex idx = new ThingIndex();
        private final Ontology ontology;
        private final Problems problems;
        // Nodes: the first mention that gives a type declares the node; later mentions may omit it.
        private final Map<String, Location> untyped = new LinkedHashMap<>();

        public Builder(Ontology ontology, Problems problems) {
            this.ontology = ontology;
            this.problems = problems;
        }

        public void entities(List<EntityRecord> entities) {
            for (EntityRecord e : entities)
                if (e.slug() != null) {
                    Node type = classOf(e.slug(), e.type(), e.at());
                    Thing t = new Thing(e.slug(), Iris.entity(e.slug()), type, true, e.at());
                    Thing prior = idx.things.putIfAbsent(t.slug(), t);
                    if (prior != null)
                        problems.add(t.at(), "duplicate slug '" + t.slug() + "' (already used at " + prior.at() + ")");
                }
        }

        /** The source ({@code source:{stem}}) and nodes of one facts file (after every entity). */
        public void nodes(FactsFile ff) {
            if (ff.source().file() != null)
                idx.sourceStems.put(SourceText.stem(ff.source().file()), ff.source().file());
            for (FactRecord f : ff.facts())
                for (NodeSpec n : f.nodes()) {
                    String slug = n.id() != null ? n.id() : f.id();
                    if (slug == null)
                        continue;
                    Node type = classOf(slug, n.type(), n.at());
                    Thing prior = idx.things.get(slug);
                    if (n.type() == null)
                        untyped.putIfAbsent(slug, n.at());
                    else if (prior == null)
                        idx.things.put(slug, new Thing(slug, Iris.entity(slug), type, false, n.at()));
                    else if (prior.isEntity())
                        problems.add(n.at(), "node id '" + slug + "' is already the slug of an entity (" + prior.at() + ")");
                    else if (type != null && prior.type() != null && !type.equals(prior.type()))
                        problems.add(n.at(), "node '" + slug + "' has type " + n.type() + " here but "
                            + prior.type().getLocalName() + " at " + prior.at());
                }
        }

        /** Reports nodes that no mention typed, and returns the index. */
        public ThingIndex finish() {
            untyped.forEach((slug, at) -> {
                if (!idx.things.containsKey(slug))
                    problems.add(at, "node '" + slug + "' has no 'type' in any fact");
            });
            return idx;
        }

        /** Checks the slug, and returns the class a type name names (null if none or unknown, with a problem). */
        private Node classOf(String slug, String type, Location at) {
            if (!SLUG.matcher(slug).matches())
                problems.add(at, "'" + slug
                    + "' is not a slug: use lower-case ASCII letters, digits and single hyphens");
            var c = type == null ? Optional.<Ontology.Term>empty() : ontology.classNamed(type);
            if (type != null && c.isEmpty())
                problems.add(at, "unknown class '" + type + "' (not in " + Ontology.FILE + ")");
            return c.map(Ontology.Term::iri).orElse(null);
        }
    }

    public Optional<Thing> get(String slug) {
        return Optional.ofNullable(things.get(slug));
    }

    /** The IRI a reference names: a slug, or {@code source:{stem}} for a source document. */
    public Optional<Node> resolve(String ref, Location at, Problems problems) {
        if (ref == null)
            return Optional.empty();
        if (ref.startsWith(SOURCE_REF)) {
            String stem = ref.substring(SOURCE_REF.length());
            if (!sourceStems.containsKey(stem)) {
                problems.add(at, "unknown source '" + ref + "' (no facts file covers " + stem + ")");
                return Optional.empty();
            }
            return Optional.of(Iris.source(stem));
        }
        Thing t = things.get(ref);
        if (t == null) {
            problems.add(at, "unknown reference '" + ref + "' (no entity or node has this slug)");
            return Optional.empty();
        }
        return Optional.of(t.iri());
    }

    /** The class of whatever an IRI names, if known. */
    public Optional<Node> typeOf(Node iri) {
        if (iri.isURI() && iri.getURI().startsWith(Iris.SOURCE))
            return Optional.of(Vocab.SOURCE_DOCUMENT);
        if (iri.isURI() && iri.getURI().startsWith(Iris.ID))
            return get(iri.getURI().substring(Iris.ID.length())).map(Thing::type);
        return Optional.empty();
    }

    public Collection<Thing> all() {
        return things.values();
    }
}
