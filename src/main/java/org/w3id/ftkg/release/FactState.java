package org.w3id.ftkg.release;

import java.util.Iterator;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Vocab;
import org.w3id.ftkg.provenance.FactHash;

/**
 * One fact as a release has it (shown old next to new in a changelog): its id (the last segment of its IRI), its
 * {@link FactHash}, and its quote, source file and code-point offsets [start, end), each null if it has none.
 */
public record FactState(String id, String hash, String quote, String source, Long start, Long end) {
    public String iri() {
        return Iris.FACT + id;
    }

    /** Every fact of a dataset (its named graphs under the fact base), by id. */
    public static SortedMap<String, FactState> all(DatasetGraph dsg) {
        SortedMap<String, FactState> out = new TreeMap<>();
        for (Iterator<Node> it = dsg.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            if (g.isURI() && g.getURI().startsWith(Iris.FACT))
                out.put(g.getURI().substring(Iris.FACT.length()), of(dsg, g));
        }
        return out;
    }

    static FactState of(DatasetGraph dsg, Node fact) {
        Node pg = Iris.PROVENANCE_GRAPH;
        String quote = one(dsg, pg, fact, Vocab.PROV_VALUE).map(Node::getLiteralLexicalForm).orElse(null);
        String source = one(dsg, pg, fact, Vocab.PROV_WAS_DERIVED_FROM)
            .flatMap(s -> one(dsg, pg, s, Vocab.DCT_IDENTIFIER)).map(Node::getLiteralLexicalForm).orElse(null);
        Long start = null, end = null;
        Optional<Node> annotation = one(dsg, pg, fact, Vocab.EVIDENCE);
        Optional<Node> target = annotation.flatMap(a -> one(dsg, pg, a, Vocab.OA_HAS_TARGET));
        if (target.isPresent()) {
            for (Iterator<Quad> sel = dsg.find(pg, target.get(), Vocab.OA_HAS_SELECTOR, Node.ANY); sel.hasNext(); ) {
                Node s = sel.next().getObject();
                Optional<Node> st = one(dsg, pg, s, Vocab.OA_START);
                Optional<Node> en = one(dsg, pg, s, Vocab.OA_END);
                if (st.isPresent() && en.isPresent()) {
                    start = Long.parseLong(st.get().getLiteralLexicalForm());
                    end = Long.parseLong(en.get().getLiteralLexicalForm());
                }
            }
        }
        return new FactState(fact.getURI().substring(Iris.FACT.length()), FactHash.of(dsg, fact), quote, source, start, end);
    }

    private static Optional<Node> one(DatasetGraph dsg, Node g, Node s, Node p) {
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        return it.hasNext() ? Optional.of(it.next().getObject()) : Optional.empty();
    }
}
