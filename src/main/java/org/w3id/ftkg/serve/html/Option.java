package org.w3id.ftkg.serve.html;

/** A choice in a filter: the value sent, the label shown, whether it is the current choice. */
public record Option(String value, String label, boolean selected) {}
