package org.w3id.ftkg.serve.html;

/** A statement's object: a link, or a literal with its XSD datatype's local name (null for plain strings). */
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
