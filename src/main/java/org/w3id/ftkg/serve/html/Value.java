package org.w3id.ftkg.serve.html;

/**
 * The object of a statement as a page shows it: a link to a thing, or a literal with the local
 * name of its XSD datatype ({@code datatype} null for plain strings and for links).
 */
public record Value(Link link, String literal, String datatype) {
    public static Value of(Link link) {
        return new Value(link, null, null);
    }

    public static Value literal(String text, String datatype) {
        return new Value(null, text, datatype);
    }

    public boolean isLiteral() {
        return literal != null;
    }
}
