package org.w3id.ftkg.diagnostics;

import java.util.List;
import java.util.stream.Collectors;

/** The input has problems; the build stops before writing anything. */
public final class InvalidInputException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the input:\n"
            + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
