package org.w3id.ftkg.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where the project lives: the one option every command that reads a project shares. */
class ProjectFolder {
    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
        description = "Project folder holding data/, seeds/ and ontology/ (default: ${DEFAULT-VALUE}).")
    Path project;
}
