package org.ivrgateway.telephony.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.server.config.ConfigException;
import org.ivrgateway.server.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/** The telephony.sip keys (docs/TELEPHONY.md): defaults, and a wrong value named with its line. */
class SipConfigTest {
    private static final String BASE = "ivrDevices: [\"36200\"]\nagentDevices: [\"5001\"]\n";

    @Test
    void sipSectionTakesItsDefaults() {
        CenterConfig c = ConfigLoader.parse("t.yaml", BASE + "telephony:\n  sip: {}\n");
        assertTrue(c.sipTelephony());
        assertEquals("127.0.0.1:8448", c.telephony().sip().evapi());
        assertEquals("http://127.0.0.1:5061/RPC", c.telephony().sip().rpc());
        assertEquals(20, c.telephony().sip().ringSeconds());
        assertEquals(5, c.telephony().heartbeatSeconds());
    }

    @Test
    void withoutSipTheRestPortIsTheTelephonySideAndSipCanBeAdded() {
        CenterConfig c = ConfigLoader.parse("t.yaml", BASE);
        assertFalse(c.sipTelephony());
        assertEquals(0, c.telephony().heartbeatSeconds());
        CenterConfig sip = c.withDefaultSip();
        assertTrue(sip.sipTelephony());
        assertEquals(5, sip.telephony().heartbeatSeconds());
        assertEquals(c.ivrDevices(), sip.ivrDevices());
    }

    @Test
    void evapiThatIsNotHostAndPortIsRefusedWithItsLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t.yaml",
                BASE + "telephony:\n  sip:\n    evapi: kamailio\n"));
        assertTrue(e.getMessage().contains("telephony.sip.evapi: must be host:port"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5"), e.getMessage());
    }

    @Test
    void rpcThatIsNotAnHttpUrlIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t.yaml",
                BASE + "telephony:\n  sip: { rpc: \"udp:127.0.0.1:5061\" }\n"));
        assertTrue(e.getMessage().contains("telephony.sip.rpc: must be an http(s) URL"), e.getMessage());
    }

    @Test
    void sipWithoutHeartbeatIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse("t.yaml",
                BASE + "telephony:\n  heartbeatSeconds: 0\n  sip: {}\n"));
        assertTrue(e.getMessage().contains("telephony.heartbeatSeconds: must be at least 1 with telephony.sip"),
                e.getMessage());
    }
}
