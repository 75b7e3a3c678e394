package org.w3id.ftkg.serve.guard;

import java.util.List;

import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

/**
 * One regex-using call (REGEX, REPLACE, fn:matches, fn:replace) evaluated with {@link LinearRegex}.
 * A constant pattern is compiled once, when the query is prepared, and an unsupported one is
 * a 400; a pattern computed per row is compiled per row, and an unsupported one drops the row.
 */
final class RegexCall {
    private final LinearRegex constant;
    private final QueryLimits limits;

    /** @param pattern the pattern argument; @param flags the flags argument or null */
    RegexCall(Expr pattern, Expr flags, QueryLimits limits) {
        this.limits = limits;
        LinearRegex c = null;
        if (pattern.isConstant() && (flags == null || flags.isConstant())) {
            try {
                c = compile(pattern.getConstant(), flags == null ? null : flags.getConstant());
            } catch (ExprEvalException e) {
                throw QueryLimitException.badRequest(e.getMessage());
            }
        }
        this.constant = c;
    }

    /** REGEX(text, pattern [, flags]) */
    NodeValue matches(List<NodeValue> args) {
        String text = string("REGEX", args.get(0));
        return NodeValue.booleanReturn(regex(args.get(1), args.size() > 2 ? args.get(2) : null).find(text));
    }

    /** REPLACE(text, pattern, replacement [, flags]), keeping the language tag or datatype of the text. */
    NodeValue replace(List<NodeValue> args) {
        NodeValue text = args.get(0);
        String replacement = string("REPLACE", args.get(2));
        String out = regex(args.get(1), args.size() > 3 ? args.get(3) : null).replaceAll(string("REPLACE", text), replacement);
        return text.isLangString() ? NodeValue.makeLangString(out, text.getLang()) : NodeValue.makeString(out);
    }

    private LinearRegex regex(NodeValue pattern, NodeValue flags) {
        return constant != null ? constant : compile(pattern, flags);
    }

    private LinearRegex compile(NodeValue pattern, NodeValue flags) {
        return LinearRegex.compile(string("regex pattern", pattern), flags == null ? null : string("regex flags", flags), limits);
    }

    private static String string(String label, NodeValue v) {
        if (v == null)
            throw new ExprEvalException(label + ": missing argument");
        return NodeValueOps.checkAndGetStringLiteral(label, v).getLiteralLexicalForm();
    }
}
