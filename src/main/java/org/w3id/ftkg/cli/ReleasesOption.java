package org.w3id.ftkg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the releases made by {@code ftkg release} live: shared by the command that makes them and the one that serves them. */
final class ReleasesOption {
    @Option(names = "--releases", paramLabel = "DIR",
        description = "Folder of the releases made by 'ftkg release' (default: releases/ inside the project).")
    Path dir;

    Path in(Path project) {
        return dir != null ? dir : project.resolve("releases");
    }
}
