package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ivrgateway.api.CallStatus;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.ParamType;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.gateway.SubdialogClient.Style;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/**
 * Every function answers through all three renderers, on one session and call, with inputs built from the
 * catalog: each answer holds exactly ReturnCode and the function's by-reference parameters, with a code
 * of chapter 5 (or a status code); where a function only reads, the three answers are equal.
 */
class ThreeRenderersTest {
    /** Functions without side effects: asked three times, they answer three times the same. */
    private static final Set<IvrFunction> READ_ONLY = Set.of(IvrFunction.GET_CONTACT_DATA, IvrFunction.QUERY_CALL_STATUS,
            IvrFunction.QUERY_QUEUE_STATISTICS, IvrFunction.QUERY_AGENT_STATUS, IvrFunction.GET_BUSINESS_UNIT,
            IvrFunction.GET_CALL_TRANSFERABLE);

    /** A plausible value for each input, by name; integers otherwise get their minimum. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("QueueName", LiveCenter.QUEUE), Map.entry("AgentID", LiveCenter.agentId(1)),
            Map.entry("Device", LiveCenter.IVR_DEVICE), Map.entry("Key", "note"), Map.entry("Value", Hostile.VALUE),
            Map.entry("LocalPort", "3"), Map.entry("AdminServerName", "6000@localhost"), Map.entry("RpcTimeout", "60000"),
            Map.entry("ContactName", "Ann"), Map.entry("Schedule1", "4165550100;12/30/2099;10:00;12/30/2099;11:00"),
            Map.entry("ANI", "4165550100"), Map.entry("DNIS", "69030"), Map.entry("ToDevice", "5999"),
            Map.entry("InitialPriority", "10"), Map.entry("Timeout", "0"), Map.entry("AgentWaitTime", "10"),
            Map.entry("TrunkConnectedIVRCall", "1"), Map.entry("BusinessUnitName", ""), Map.entry("CallbackID", "1"));

    @BothDatabases
    void everyFunctionAnswersThroughVoiceXmlXmlAndJson(TestDatabase db) {
        try (LiveCenter live = LiveCenter.start(db)) {
            IvrScript script = new IvrScript(live.browser(false), Style.POST, true)
                    .startUnmonitoredCall(1, "4165550100", "69030");
            TwinClient twins = new TwinClient(script.browser);
            for (IvrFunction f : IvrFunction.values()) {
                Map<String, Object> params = inputs(f, script);
                List<Object> codes = new ArrayList<>();
                Map<String, Object> vxml = script.call(f.guideName(), params);
                params.put("SessionID", script.sessionId);
                Map<String, Object> json = twins.json(f.guideName(), params);
                Map<String, String> xml = twins.xml(f.guideName(), params);
                List<String> names = expectedNames(f);
                for (Map<String, ?> answer : List.of(vxml, json, xml)) {
                    assertEquals(names, new ArrayList<>(answer.keySet()), f.guideName());
                    codes.add(Integer.valueOf(String.valueOf(answer.get("ReturnCode"))));
                }
                codes.forEach(c -> assertTrue(isKnownCode((Integer) c), f.guideName() + " gave " + c));
                if (READ_ONLY.contains(f)) {
                    assertEquals(vxml, json, f.guideName());
                    Map<String, String> vxmlText = new LinkedHashMap<>();
                    vxml.forEach((k, v) -> vxmlText.put(k, String.valueOf(v)));
                    assertEquals(vxmlText, xml, f.guideName());
                }
            }
        }
    }

    private static Map<String, Object> inputs(IvrFunction f, IvrScript script) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Parameter p : f.inputs()) {
            if (p.name().equals("CallID")) {
                params.put("CallID", script.callId);
            } else if (VALUES.containsKey(p.name())) {
                params.put(p.name(), VALUES.get(p.name()));
            } else if (p.isOptional()) {
                continue;
            } else {
                params.put(p.name(), p.type() == ParamType.INTEGER ? String.valueOf(p.min()) : "x");
            }
        }
        return params;
    }

    private static List<String> expectedNames(IvrFunction f) {
        List<String> names = new ArrayList<>(List.of("ReturnCode"));
        f.outputs().forEach(p -> {
            names.add(p.name());
            if (p.name().equals("CallsInQueue")) names.addAll(ResultSpellings.extraNames(f));
        });
        return names;
    }

    private static boolean isKnownCode(int code) {
        // 0..6: success and QueryCallStatus's statuses (QueryRoutingInfo's 1 and 2 among them)
        return ReturnCode.of(code).isPresent() || (code >= 0 && code <= CallStatus.TRANSFER.code());
    }
}
