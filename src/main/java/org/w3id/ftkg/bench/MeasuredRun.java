package org.w3id.ftkg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Timer;
import java.util.TimerTask;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.w3id.ftkg.cli.Main;
import org.w3id.ftkg.store.Tdb2Store;

/**
 * One measured step of the benchmark, run in its own JVM so that its heap is its own: an FTKG
 * command, Jena's N-Quads parse and write of a dump (the baseline), or a TDB2 bulk load. Prints
 * one line {@code RESULT key=value ...} for the harness.
 */
public final class MeasuredRun {
    private MeasuredRun() {}

    private static volatile long maxUsed;

    public static void main(String[] args) throws Exception {
        // Heap in use, sampled every 20 ms: the figure a -Xmx limit has to accommodate.
        Runtime rt = Runtime.getRuntime();
        new Timer(true).schedule(new TimerTask() {
            @Override
            public void run() {
                maxUsed = Math.max(maxUsed, rt.totalMemory() - rt.freeMemory());
            }
        }, 0, 20);
        long t0 = System.nanoTime();
        String what = args[0];
        String extra = "";
        switch (what) {
            case "ftkg" -> {
                String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
                int code = Main.run(rest);
                if (code != 0)
                    throw new IllegalStateException("ftkg " + String.join(" ", rest) + " exited " + code);
            }
            case "jena-nquads" -> extra = jenaBaseline(Path.of(args[1]));
            case "tdb2-load" -> {
                // The load includes writing the text index; its own time is reported beside.
                String[] index = { "" };
                long quads = Tdb2Store.load(Path.of(args[1]), Path.of(args[2]),
                    Tdb2Store.Loader.valueOf(args[3].toUpperCase(java.util.Locale.ROOT)), m -> {
                        if (m.startsWith(org.w3id.ftkg.search.SearchIndex.WRITTEN))
                            index[0] = m.replaceAll(".* in ([0-9.]+) s$", "$1");
                    });
                extra = "quads=" + quads + " indexSeconds=" + index[0];
            }
            case "plain-fuseki" -> {
                // The baseline server: Fuseki Main with the same TDB2 database and union default graph, nothing else.
                var dsg = org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(args[1]);
                dsg.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
                org.apache.jena.fuseki.main.FusekiServer.create().port(Integer.parseInt(args[2])).loopback(true)
                    .numServerThreads(8, 200).add("/plain", dsg, false).build().start().join();
            }
            case "plain-fuseki-trig" -> {
                // The start-up baseline: Fuseki Main loading the built TriG into memory, union default graph.
                var dsg = org.apache.jena.sparql.core.DatasetGraphFactory.createTxnMem();
                org.apache.jena.riot.RDFDataMgr.read(dsg, args[1]);
                org.apache.jena.fuseki.main.FusekiServer.create().port(Integer.parseInt(args[2])).loopback(true)
                    .add("/plain", dsg, false).build().start().join();
            }
            default -> throw new IllegalArgumentException(what);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("RESULT seconds=%.3f peakHeapMiB=%d peakRssMiB=%d %s%n", seconds, Math.max(maxUsed, 0) >> 20, peakRssMiB(), extra);
        System.exit(0);
    }

    /** Jena alone: parse the gzipped N-Quads (counting), then write the same quads as N-Quads (discarded). */
    static String jenaBaseline(Path nqGz) throws IOException {
        StreamRDFCounting counted = StreamRDFLib.count();
        long p0 = System.nanoTime();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nqGz), 1 << 16)) {
            RDFParser.source(in).lang(Lang.NQUADS).parse(counted);
        }
        double parse = (System.nanoTime() - p0) / 1e9;
        long w0 = System.nanoTime();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(nqGz), 1 << 16)) {
            StreamRDF out = StreamRDFWriter.getWriterStream(OutputStream.nullOutputStream(), RDFFormat.NQUADS);
            out.start();
            RDFParser.source(in).lang(Lang.NQUADS).parse(out);
            out.finish();
        }
        double write = Math.max(0, (System.nanoTime() - w0) / 1e9 - parse);
        return String.format("quads=%d parseSeconds=%.3f writeSeconds=%.3f", counted.countQuads(), parse, write);
    }

    /** The process's peak resident set (VmHWM), Linux only; -1 elsewhere. */
    static long peakRssMiB() {
        String kb = Benchmark.procField("/proc/self/status", "VmHWM:");
        return kb == null ? -1 : Long.parseLong(kb.replaceAll("\\D", "")) >> 10;
    }
}
