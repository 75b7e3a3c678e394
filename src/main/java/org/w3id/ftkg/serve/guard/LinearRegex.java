package org.w3id.ftkg.serve.guard;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * One REGEX or REPLACE call (fn:matches, fn:replace too) on RE2/J, linear in its input where Java's engine
 * backtracks ({@code (a+)+$} is exponential); inputs and patterns are capped, as ARQ's timeout cannot interrupt
 * a match. A constant pattern is compiled once, when the query is prepared, and an unsupported one is a 400;
 * a pattern computed per row is compiled per row, and an unsupported one drops the row.
 */
final class LinearRegex {
    final QueryLimits limits;
    final boolean replace;
    private final Pattern constant;

    /** @param args the call's arguments: text, pattern, [replacement,] [flags] */
    LinearRegex(List<Expr> args, boolean replace, QueryLimits limits) {
        this.limits = limits;
        this.replace = replace;
        Expr pattern = args.get(1), flags = args.size() > flagsAt() ? args.get(flagsAt()) : null;
        Pattern c = null;
        if (pattern.isConstant() && (flags == null || flags.isConstant())) {
            try {
                c = compile(pattern.getConstant(), flags == null ? null : flags.getConstant());
            } catch (ExprEvalException e) {
                throw new QueryLimits.Exceeded(400, e.getMessage());
            }
        }
        this.constant = c;
    }

    private int flagsAt() {
        return replace ? 3 : 2;
    }

    /** REGEX: a boolean; REPLACE: every match replaced, keeping the text's language tag, held to the string limit. */
    NodeValue eval(List<NodeValue> args) {
        NodeValue text = args.get(0);
        String label = replace ? "REPLACE" : "REGEX";
        String input = replace ? null : string(label, text), replacement = replace ? string(label, args.get(2)) : null;
        Pattern p = constant != null ? constant
            : compile(args.get(1), args.size() > flagsAt() ? args.get(flagsAt()) : null);
        if (replace)
            input = string(label, text);
        if (input.length() > limits.regexInputChars())
            throw new QueryLimits.Exceeded(400, "A regular expression was applied to a string of " + input.length()
                + " characters; this endpoint applies them to at most " + limits.regexInputChars() + ".");
        if (!replace)
            return NodeValue.booleanReturn(p.matcher(input).find());
        if (p.matcher("").matches())
            throw new ExprEvalException("REPLACE: the pattern matches the empty string");
        Matcher m = p.matcher(input);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, replacement);
            if (out.length() > limits.stringChars())
                throw limits.tooLong();
        }
        m.appendTail(out);
        if (out.length() > limits.stringChars())
            throw limits.tooLong();
        String result = out.toString();
        return text.isLangString() ? NodeValue.makeLangString(result, text.getLang()) : NodeValue.makeString(result);
    }

    /** A pattern with XPath flags (s, m, i, q; RE2 has no x). */
    private Pattern compile(NodeValue patternArg, NodeValue flagsArg) {
        String regex = string("regex pattern", patternArg);
        String flags = flagsArg == null ? null : string("regex flags", flagsArg);
        if (regex.length() > limits.regexPatternChars())
            throw new QueryLimits.Exceeded(400, "Regular expression longer than " + limits.regexPatternChars()
                + " characters.");
        int mask = 0;
        for (char c : flags == null ? new char[0] : flags.toCharArray()) {
            switch (c) {
                case 'i' -> mask |= Pattern.CASE_INSENSITIVE;
                case 's' -> mask |= Pattern.DOTALL;
                case 'm' -> mask |= Pattern.MULTILINE;
                case 'q' -> regex = Pattern.quote(regex);
                default -> throw new ExprEvalException("Regex flag '" + c + "' is not supported (use s, m, i, q)");
            }
        }
        try {
            return Pattern.compile(regex, mask);
        } catch (PatternSyntaxException e) {
            throw new ExprEvalException("Regular expression not supported by this endpoint's linear-time engine "
                + "(RE2: no back-references or look-around): " + e.getMessage());
        }
    }

    private static String string(String label, NodeValue v) {
        if (v == null)
            throw new ExprEvalException(label + ": missing argument");
        return NodeValueOps.checkAndGetStringLiteral(label, v).getLiteralLexicalForm();
    }
}
