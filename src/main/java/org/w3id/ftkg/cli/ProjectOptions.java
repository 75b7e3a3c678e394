package org.w3id.ftkg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the project and its output live. */
final class ProjectOptions extends ProjectFolder {
    @Option(names = "--dist", paramLabel = "DIR",
        description = "Output folder (default: dist/ inside the project).")
    Path dist;

    Path dist() {
        return dist != null ? dist : project.resolve("dist");
    }

    /** SOURCE_DATE_EPOCH, the reproducible-builds convention: the only time a build may record. */
    static Long sourceDateEpoch() {
        String v = System.getenv("SOURCE_DATE_EPOCH");
        if (v == null || v.isBlank())
            return null;
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UserException("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '" + v + "'", Main.USAGE);
        }
    }
}
