package org.w3id.ftkg.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.io.function.Uncheck;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.FactsFile;
import org.w3id.ftkg.model.Fact;
import org.w3id.ftkg.model.FactModeller;
import org.w3id.ftkg.model.Iris;
import org.w3id.ftkg.model.Ontology;
import org.w3id.ftkg.model.SourceFacts;
import org.w3id.ftkg.output.Sorted;
import org.w3id.ftkg.provenance.ProvenanceModeller;
import org.w3id.ftkg.diagnostics.Problems;
import org.w3id.ftkg.source.QuoteLocator;
import org.w3id.ftkg.source.QuoteMatch;
import org.w3id.ftkg.source.SeedSet;
import org.w3id.ftkg.source.SourceText;

/**
 * What one facts file contributes, made on a worker: its quads (fact graphs sorted, then provenance sorted), its
 * problems and shape violations ({@code shapes}), and what its shapes check leaves for the end. {@code stem}: the
 * source it covers, or null (its quads then go to no per-source dump).
 */
public record Contribution(String stem, long facts, List<Quad> quads, Problems problems, Problems shapes,
                           PartitionedShapeCheck.Shared shared) {

    /** The context every contribution is made in. */
    record Context(CorpusIndex index, ThreadLocal<Ontology> ontology, ProvenanceModeller provenance,
                   PartitionedShapeCheck shapes) {
        static Context of(Path project, CorpusIndex index, PartitionedShapeCheck shapes) {
            // Jena's graphs are not safe for concurrent reads while indexes are built lazily: one ontology per thread.
            return new Context(index, ThreadLocal.withInitial(() -> Ontology.load(project, new Problems()).orElseThrow()),
                new ProvenanceModeller(index.activity().iri()), shapes);
        }
    }

    /**
     * Checks quotes (only this source in memory), models facts and provenance, checks shapes; no quads if anything
     * is wrong ({@code modelOnly}: the build already failed, so only the problems matter).
     */
    static Contribution of(Context cx, CorpusIndex.FactsFileEntry entry, boolean modelOnly) {
        Problems problems = new Problems();
        Problems shapeProblems = new Problems();
        PartitionedShapeCheck.Shared shared = new PartitionedShapeCheck.Shared();
        if (entry.sourceFile() == null)
            return new Contribution(null, 0, List.of(), problems, shapeProblems, shared);
        // What pass 1 read (and reported the problems of).
        FactsFile ff = Uncheck.apply(RecordSpill::read, entry.records());
        SeedSet seeds = cx.index().seeds();
        Optional<SourceText> src = seeds.text(entry.sourceFile(), problems);
        List<FactRecord> records = new ArrayList<>(SourceFacts.of(ff.source(), new Problems())); // (reported in pass 1)
        records.addAll(ff.facts());
        FactModeller modeller = new FactModeller(cx.ontology().get(), cx.index().things(), problems);
        List<Fact> facts = new ArrayList<>();
        QuoteLocator quotes = src.map(QuoteLocator::new).orElse(null);
        for (FactRecord r : records) {
            if (r.id() == null || r.quote() == null || cx.index().duplicates().contains(r.at()) || quotes == null)
                continue;
            Optional<QuoteMatch> q = quotes.locate(r.quote(), r.occurrence(), r.at(), r.id(), problems);
            Fact f = modeller.fact(r, q.orElse(null));
            if (q.isPresent())
                facts.add(f);
        }
        quotes = null; // (the source's text can go)
        if (modelOnly || !problems.isEmpty())
            return new Contribution(null, facts.size(), List.of(), problems, shapeProblems, shared);

        List<Quad> factQuads = new ArrayList<>();
        List<List<Triple>> provRuns = new ArrayList<>();
        for (Fact f : facts) {
            for (Triple t : f.triples())
                factQuads.add(Quad.create(f.graph(), t));
            provRuns.add(cx.provenance().fact(f));
        }
        SeedSet.Seed seed = entry.coversSource() ? seeds.get(entry.sourceFile()).orElse(null) : null;
        if (seed != null)
            provRuns.add(ProvenanceModeller.source(seed));
        List<Triple> provenance = concatSorted(provRuns);
        factQuads.sort(Sorted.QUADS); // (each fact's triples are distinct, and facts have distinct graphs)
        if (cx.shapes() != null)
            cx.shapes().checkFile(entry.index(), facts, factQuads, provenance, shapeProblems, shared);

        List<Quad> quads = new ArrayList<>(factQuads.size() + provenance.size());
        quads.addAll(factQuads);
        provenance.forEach(t -> quads.add(Quad.create(Iris.PROVENANCE_GRAPH, t)));
        return new Contribution(seed == null ? null : seed.stem(), facts.size(), quads, problems, shapeProblems, shared);
    }

    /**
     * Runs sorted, then concatenated by first triple: sorted as a whole when runs do not overlap (a fact's provenance
     * has only its IRI and its fragments as subjects); else, or if a triple repeats, sorted again.
     */
    static List<Triple> concatSorted(List<List<Triple>> runs) {
        runs.removeIf(List::isEmpty);
        runs.forEach(r -> r.sort(Sorted.TRIPLES));
        runs.sort((a, b) -> Sorted.TRIPLES.compare(a.get(0), b.get(0)));
        List<Triple> out = new ArrayList<>();
        for (List<Triple> r : runs)
            out.addAll(r);
        for (int i = 1; i < out.size(); i++)
            if (Sorted.TRIPLES.compare(out.get(i - 1), out.get(i)) >= 0)
                return sortedDistinct(out);
        return out;
    }

    /** Sorted as the dumps are ({@link Sorted#TRIPLES}), each triple once. */
    static List<Triple> sortedDistinct(List<Triple> triples) {
        triples.sort(Sorted.TRIPLES);
        List<Triple> out = new ArrayList<>(triples.size());
        for (Triple t : triples)
            if (out.isEmpty() || Sorted.TRIPLES.compare(out.get(out.size() - 1), t) != 0)
                out.add(t);
        return out;
    }
}
