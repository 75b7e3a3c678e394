package org.w3id.ftkg.diagnostics;

/** A place in an input file: path relative to the project, 1-based line and column (0 when unknown). */
public record Location(String file, int line, int column) {

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0)
            return file;
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
