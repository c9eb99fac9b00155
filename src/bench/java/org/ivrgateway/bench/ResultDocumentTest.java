package org.ivrgateway.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ResultDocumentTest {

    @Test
    void readsNumbersAndEscapedStrings() {
        ResultDocument doc = ResultDocument.parse("""
                <vxml version="2.1"><form id="result">
                  <var name="ReturnCode" expr="2"/>
                  <var name="Extension" expr="'50\\'01 &amp; &lt;x&gt;'"/>
                  <var expr="&quot;a\\u00e9\\n&quot;" name="Other"/>
                  <block><return namelist="ReturnCode Extension Other"/></block></form></vxml>""");
        assertEquals(2, doc.returnCode());
        assertEquals("50'01 & <x>", doc.get("Extension"));
        assertEquals("aé\n", doc.get("Other"));
    }

    @Test
    void aDocumentWithoutReturnCodeHasNone() {
        assertNull(ResultDocument.parse("<html>error</html>").returnCode());
    }
}
