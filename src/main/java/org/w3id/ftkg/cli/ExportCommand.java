package org.w3id.ftkg.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.w3id.ftkg.files.OutputGuard;
import org.w3id.ftkg.files.TempPaths;
import org.w3id.ftkg.output.DatasetSink;
import org.w3id.ftkg.output.Dumps;
import org.w3id.ftkg.pipeline.Build;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Build and write one format to a file (atomically) or to standard output.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions options;

    @Option(names = { "-f", "--format" }, required = true, paramLabel = "FORMAT",
        description = "trig, nquads (named graphs), turtle, ntriples (flat, with statement-level provenance) or jsonld.")
    String format;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", defaultValue = "-",
        description = "Where to write ('-' for standard output, the default).")
    String output;

    @Override
    public Integer call() throws Exception {
        if (!Dumps.EXPORT_FORMATS.contains(format))
            throw new UserException("unknown format '" + format + "' (expected one of "
                + String.join(", ", Dumps.EXPORT_FORMATS) + ")", Main.USAGE);
        if (!output.equals("-"))
            OutputGuard.file(options.project, Path.of(output), "--output");
        Build build = Build.of(options.project).sourceDateEpoch(ProjectOptions.sourceDateEpoch());
        if (output.equals("-")) {
            OutputStream out = new BufferedOutputStream(System.out);
            build.into(DatasetSink.of(Dumps.format(format, out)));
            out.flush();
        } else {
            Path target = Path.of(output).toAbsolutePath();
            TempPaths.replaceFile(target, "." + target.getFileName(),
                out -> build.into(DatasetSink.of(Dumps.format(format, out))));
        }
        return 0;
    }
}
