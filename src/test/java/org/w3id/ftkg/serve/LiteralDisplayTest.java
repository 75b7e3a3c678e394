package org.w3id.ftkg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** Pages show numbers as the sources wrote them, though the dumps hold decimals in canonical form. */
class LiteralDisplayTest {
    @Test
    void aWholeDecimalIsShownWithoutItsCanonicalFraction() {
        assertEquals("10000", LinkedDataStore.shown(NodeFactory.createLiteralDT("10000.0", XSDDatatype.XSDdecimal)));
        assertEquals("-3", LinkedDataStore.shown(NodeFactory.createLiteralDT("-3.00", XSDDatatype.XSDdecimal)));
    }

    @Test
    void otherValuesAreShownAsTheyAre() {
        assertEquals("2.5", LinkedDataStore.shown(NodeFactory.createLiteralDT("2.5", XSDDatatype.XSDdecimal)));
        assertEquals("10.0", LinkedDataStore.shown(NodeFactory.createLiteralString("10.0")));
        assertEquals("1.0E3", LinkedDataStore.shown(NodeFactory.createLiteralDT("1.0E3", XSDDatatype.XSDdouble)));
        assertEquals("2023", LinkedDataStore.shown(NodeFactory.createLiteralDT("2023", XSDDatatype.XSDgYear)));
    }
}
