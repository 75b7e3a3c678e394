package org.w3id.ftkg.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.w3id.ftkg.model.CuratedEntity;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Thing;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.provenance.ProvenanceModeller;
import org.w3id.ftkg.diagnostics.Location;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.source.SeedSet;
import org.w3id.ftkg.shapes.ShapeCheck;

/**
 * SHACL checked a part at a time, each node where all its statements are: with the one facts file describing it
 * (plus the ontology and what the shapes look into), at the end if several do ({@link Shared}), up front if none
 * does ({@link #checkHead}). Violations are reported at the curation line that made their focus node.
 */
final class PartitionedShapeCheck {
    private final CorpusIndex index;
    private final List<Triple> ontologyTriples;
    private final Map<Node, CuratedEntity> entityByIri = new HashMap<>();
    /** The predicates whose values the shapes look into, or null for any. */
    private final Set<Node> valuePredicates;
    private final Shapes shapes;
    /** Jena's SHACL validation is not known to be safe for concurrent use: one copy of the shapes per thread. */
    private final ThreadLocal<Shapes> threadShapes;

    /** Statements about things that several facts files describe, kept for the check at the end. */
    static final class Shared {
        final List<Triple> triples = new ArrayList<>();
        final Map<Node, Location> at = new LinkedHashMap<>();

        void addAll(Shared other) {
            triples.addAll(other.triples);
            other.at.forEach(at::putIfAbsent);
        }
    }

    private PartitionedShapeCheck(Path project, CorpusIndex index, Shapes shapes) {
        this.index = index;
        this.shapes = shapes;
        this.threadShapes = ThreadLocal.withInitial(() -> ShapeCheck.shapes(project, new Problems()).orElseThrow());
        this.ontologyTriples = index.ontology().graph().find().toList();
        for (CuratedEntity e : index.entities())
            entityByIri.putIfAbsent(e.triples().get(0).getSubject(), e);
        this.valuePredicates = valuePredicates(shapes.getGraph());
    }

    /** The check of the project's shapes; empty (with a problem) if they cannot be read. */
    static Optional<PartitionedShapeCheck> of(Path project, CorpusIndex index, Problems problems) {
        return ShapeCheck.shapes(project, problems).map(s -> new PartitionedShapeCheck(project, index, s));
    }

    /** Entities and sources that no fact describes, the curation graphs, the build and the ontology. */
    Problems checkHead(List<Triple> headProvenance) {
        Problems ps = new Problems();
        Graph data = withOntology();
        for (CuratedEntity e : index.entities())
            e.triples().forEach(data::add);
        headProvenance.forEach(data::add);
        for (SeedSet.Seed s : index.seeds().all())
            ProvenanceModeller.source(s).forEach(data::add);
        Predicate<Node> whole = x -> !(x.isURI() && x.getURI().startsWith(Iris.FACT)) && index.ownerOf(x) == null;
        ShapeCheck.check(threadShapes.get(), data, locator(Map.of()), whole, ps);
        return ps;
    }

    /** One facts file's data: violations into {@code problems}, what must wait for the end into {@code shared}. */
    void checkFile(int file, List<Fact> facts, List<Quad> factQuads, List<Triple> provenance, Problems problems,
                   Shared shared) {
        Map<Node, Optional<Integer>> ownerCache = new HashMap<>();
        Set<Node> graphs = facts.stream().map(Fact::graph).collect(Collectors.toSet());
        Graph data = withOntology();
        factQuads.forEach(q -> data.add(q.asTriple()));
        provenance.forEach(data::add);
        Set<Node> included = new HashSet<>();
        for (Quad q : factQuads) {
            if (Objects.equals(ownerOf(q.getSubject(), ownerCache), file))
                include(data, q.getSubject(), included);
            if (valuePredicates == null || valuePredicates.contains(q.getPredicate()))
                include(data, q.getObject(), included);
        }
        Map<Node, Location> where = new HashMap<>();
        for (Fact f : facts) {
            where.putIfAbsent(f.graph(), f.record().at());
            for (Triple t : f.triples())
                where.putIfAbsent(t.getSubject(), f.record().at());
        }
        ShapeCheck.check(threadShapes.get(), data, locator(where), x -> completeIn(x, file, graphs, ownerCache), problems);

        for (Fact f : facts) {
            Map<Node, List<Triple>> partTypes = null;
            for (Triple t : f.triples()) {
                if (!Objects.equals(ownerOf(t.getSubject(), ownerCache), CorpusIndex.SHARED))
                    continue;
                shared.triples.add(t);
                shared.at.putIfAbsent(t.getSubject(), f.record().at());
                if (t.getObject().isURI() && t.getObject().getURI().startsWith(Iris.FACT)) {
                    if (partTypes == null) {
                        partTypes = new HashMap<>();
                        for (Triple u : f.triples())
                            if (u.getPredicate().equals(Vocab.TYPE))
                                partTypes.computeIfAbsent(u.getSubject(), k -> new ArrayList<>()).add(u);
                    }
                    shared.triples.addAll(partTypes.getOrDefault(t.getObject(), List.of()));
                }
            }
        }
    }

    /** Nodes, entities and sources that several facts files describe, with all their statements. */
    void checkShared(Shared shared, Problems problems) {
        Graph data = withOntology();
        shared.triples.forEach(data::add);
        Set<Node> included = new HashSet<>();
        for (Node x : shared.at.keySet())
            include(data, x, included);
        for (Triple t : shared.triples)
            if (valuePredicates == null || valuePredicates.contains(t.getPredicate()))
                include(data, t.getObject(), included);
        Predicate<Node> whole = x -> Objects.equals(index.ownerOf(x), CorpusIndex.SHARED);
        ShapeCheck.check(shapes, data, locator(shared.at), whole, problems);
    }

    /** Adds what the shapes need to know about a node that a statement mentions: its entity record, type or description. */
    private void include(Graph data, Node n, Set<Node> included) {
        if (!n.isURI())
            return;
        String u = n.getURI();
        if (u.startsWith(Iris.ID)) {
            CuratedEntity e = entityByIri.get(n);
            if (e != null) {
                if (included.add(n))
                    e.triples().forEach(data::add);
                return;
            }
            Optional<Thing> t = index.things().get(u.substring(Iris.ID.length()));
            if (t.isPresent() && t.get().type() != null)
                data.add(Triple.create(n, Vocab.TYPE, t.get().type()));
        } else if (u.startsWith(Iris.SOURCE) && u.indexOf('#') < 0 && included.add(n)) {
            index.seeds().byStem(u.substring(Iris.SOURCE.length()))
                .ifPresent(s -> ProvenanceModeller.source(s).forEach(data::add));
        }
    }

    /**
     * The predicates whose values' statements the shapes look at (class, node, qualified or combined shapes); null,
     * meaning every predicate, if the shapes use a path or a target that this does not follow.
     */
    static Set<Node> valuePredicates(Graph shapes) {
        for (Node unusual : List.of(SHACL.inversePath, SHACL.alternativePath, SHACL.zeroOrMorePath, SHACL.oneOrMorePath,
            SHACL.zeroOrOnePath, SHACL.targetSubjectsOf, SHACL.targetObjectsOf, SHACL.targetNode, SHACL.target, SHACL.sparql))
            if (shapes.find(Node.ANY, unusual, Node.ANY).hasNext())
                return null;
        List<Node> inspecting = List.of(SHACL.class_, SHACL.node, SHACL.qualifiedValueShape, SHACL.or, SHACL.and, SHACL.xone,
            SHACL.not, SHACL.property);
        Set<Node> out = new HashSet<>();
        for (Triple t : shapes.find(Node.ANY, SHACL.path, Node.ANY).toList()) {
            if (!t.getObject().isURI())
                return null; // a sequence path
            if (inspecting.stream().anyMatch(c -> shapes.find(t.getSubject(), c, Node.ANY).hasNext()))
                out.add(t.getObject());
        }
        return out;
    }

    /** {@link CorpusIndex#ownerOf}, remembered. */
    private Integer ownerOf(Node n, Map<Node, Optional<Integer>> known) {
        return known.computeIfAbsent(n, x -> Optional.ofNullable(index.ownerOf(x))).orElse(null);
    }

    private Graph withOntology() {
        Graph data = GraphFactory.createDefaultGraph();
        ontologyTriples.forEach(data::add);
        return data;
    }

    /** True if every statement about {@code x} is in the data of facts file {@code file}. */
    private boolean completeIn(Node x, int file, Set<Node> factGraphs, Map<Node, Optional<Integer>> known) {
        if (!x.isURI())
            return false;
        String u = x.getURI();
        if (u.startsWith(Iris.FACT)) {
            int hash = u.indexOf('#');
            return factGraphs.contains(hash < 0 ? x : Iris.uri(u.substring(0, hash)));
        }
        return Objects.equals(ownerOf(x, known), file);
    }

    private Function<Node, Location> locator(Map<Node, Location> where) {
        return x -> {
            CuratedEntity e = entityByIri.get(x);
            return e != null ? e.record().at() : where.get(x);
        };
    }
}
