package org.w3id.ftkg.serve.guard;

import org.apache.jena.sparql.expr.ExprEvalException;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * SPARQL's REGEX and REPLACE on RE2/J, whose matching time is linear in the input (Java's
 * engine backtracks, and {@code (a+)+$} takes exponential time). Inputs and patterns are capped,
 * so one evaluation is bounded even though ARQ's timeout cannot interrupt it. RE2 has no
 * back-references or look-around; such a pattern is an error.
 */
public final class LinearRegex {
    private final Pattern pattern;
    private final QueryLimits limits;

    private LinearRegex(Pattern pattern, QueryLimits limits) {
        this.pattern = pattern;
        this.limits = limits;
    }

    /** Compiles a pattern with XPath flags (s, m, i, q; x is not supported by RE2). */
    public static LinearRegex compile(String regex, String flags, QueryLimits limits) {
        if (regex.length() > limits.regexPatternChars())
            throw QueryLimitException.badRequest("Regular expression longer than " + limits.regexPatternChars()
                + " characters.");
        int mask = 0;
        if (flags != null) {
            for (char c : flags.toCharArray()) {
                switch (c) {
                    case 'i' -> mask |= Pattern.CASE_INSENSITIVE;
                    case 's' -> mask |= Pattern.DOTALL;
                    case 'm' -> mask |= Pattern.MULTILINE;
                    case 'q' -> regex = Pattern.quote(regex);
                    default -> throw new ExprEvalException("Regex flag '" + c + "' is not supported (use s, m, i, q)");
                }
            }
        }
        try {
            return new LinearRegex(Pattern.compile(regex, mask), limits);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("Regular expression not supported by this endpoint's linear-time engine "
                + "(RE2: no back-references or look-around): " + e.getMessage());
        }
    }

    public boolean find(String input) {
        checkInput(input);
        return pattern.matcher(input).find();
    }

    /** REPLACE: every match replaced, the result held to the string limit as it grows. */
    public String replaceAll(String input, String replacement) {
        checkInput(input);
        if (pattern.matcher("").matches())
            throw new ExprEvalException("REPLACE: the pattern matches the empty string");
        Matcher m = pattern.matcher(input);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, replacement);
            if (out.length() > limits.stringChars())
                throw StringBudget.tooLong(limits);
        }
        m.appendTail(out);
        if (out.length() > limits.stringChars())
            throw StringBudget.tooLong(limits);
        return out.toString();
    }

    private void checkInput(String input) {
        if (input.length() > limits.regexInputChars())
            throw QueryLimitException.badRequest("A regular expression was applied to a string of " + input.length()
                + " characters; this endpoint applies them to at most " + limits.regexInputChars() + ".");
    }
}
