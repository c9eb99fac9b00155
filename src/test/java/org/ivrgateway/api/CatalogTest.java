package org.ivrgateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {

    @Test
    void everyFunctionIsFoundByItsNameInAnyCase() {
        for (IvrFunction f : IvrFunction.values()) {
            assertEquals(f, IvrFunction.byName(f.guideName().toUpperCase()).orElseThrow());
            assertEquals(f, IvrFunction.byName(f.guideName().toLowerCase()).orElseThrow());
        }
        assertTrue(IvrFunction.byName("NoSuchFunction").isEmpty());
    }

    @Test
    void everyDocumentedNegativeCodeIsAChapterFiveCode() {
        for (IvrFunction f : IvrFunction.values()) {
            for (int code : f.documentedCodes()) {
                if (code < 0) {
                    assertTrue(ReturnCode.of(code).isPresent(), f.guideName() + " lists unknown code " + code);
                }
            }
        }
    }

    @Test
    void parameterNamesAreUniqueWithinAFunction() {
        for (IvrFunction f : IvrFunction.values()) {
            Set<String> seen = new HashSet<>();
            for (Parameter p : f.parameters()) {
                assertTrue(seen.add(p.name().toLowerCase()), f.guideName() + " repeats " + p.name());
            }
        }
    }

    @Test
    void bindConvertsNumbersAndRejectsOutOfRangeValues() {
        Arguments a = Invocation.of(IvrFunction.ENQUEUE, "s").with("CallID", "42").with("IVRHold", "1")
                .with("QueueName", "Sales").with("InitialPriority", "100").bind();
        assertEquals(1, a.integer("IVRHold"));
        assertEquals(100, a.integer("InitialPriority"));

        InvalidArgumentException tooHigh = assertThrows(InvalidArgumentException.class,
                () -> Invocation.of(IvrFunction.ENQUEUE, "s").with("CallID", "42").with("IVRHold", 1)
                        .with("QueueName", "Sales").with("InitialPriority", 101).bind());
        assertEquals("InitialPriority", tooHigh.parameter());
        assertEquals(ReturnCode.INVALID_PARAMETER, tooHigh.code());
    }

    @Test
    void bindRejectsWrongTypesMissingAndTooLongValues() {
        assertThrows(InvalidArgumentException.class,
                () -> Invocation.of(IvrFunction.SET_CALL_TRANSFERABLE, "s").with("CallID", "1").with("FlagValue", "yes").bind());
        assertThrows(InvalidArgumentException.class,
                () -> Invocation.of(IvrFunction.SET_CALL_INFO, "s").with("ANI", "1").bind());
        assertThrows(InvalidArgumentException.class,
                () -> Invocation.of(IvrFunction.SET_CALL_INFO, "s").with("ANI", "1".repeat(81)).with("DNIS", "2").bind());
        assertThrows(InvalidArgumentException.class,
                () -> Invocation.of(IvrFunction.INITIALIZE, null).with("LocalPort", "32768")
                        .with("AdminServerName", "x").with("RpcTimeout", 10000).bind());
    }

    @Test
    void emptyValueCountsAsAbsent() {
        Arguments a = Invocation.of(IvrFunction.ENQUEUE, "s").with("CallID", "42").with("IVRHold", 0)
                .with("QueueName", "Sales").with("InitialPriority", 1).with("Description", "").bind();
        assertTrue(!a.has("Description"));
    }

    @Test
    void resultCarriesEveryOutputEvenOnError() {
        Result r = Result.failure(IvrFunction.QUERY_CALL_INFO, ReturnCode.NO_CALL, "none");
        assertEquals(IvrFunction.QUERY_CALL_INFO.outputs().size(), r.values().size());
        assertEquals("", r.string("CallID"));
        assertEquals(0, r.integer("Visits"));
        assertThrows(IllegalArgumentException.class, () -> r.with("NoSuchOutput", 1));
    }
}
