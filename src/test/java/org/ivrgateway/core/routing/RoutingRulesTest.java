package org.ivrgateway.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.api.RoutingDecision;
import org.ivrgateway.config.AgentConfig;
import org.ivrgateway.config.CallbackConfig;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.config.QueueConfig;
import org.ivrgateway.config.RoutingRule;
import org.ivrgateway.config.RoutingRule.Enqueue;
import org.ivrgateway.config.RoutingRule.When;
import org.ivrgateway.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RoutingRulesTest {
    /** The centre's hours; the callbacks keep theirs (always open on Mondays) and only give the time zone. */
    private static final Map<String, String> HOURS = Map.of("mon", "08:00-18:00");
    private static final CallbackConfig CALLBACKS = new CallbackConfig(null, "America/Toronto",
            Map.of("mon", "00:00-23:59"), null, null);
    private static final RoutingFigures QUIET = new RoutingFigures(0, 0, 2);
    private static final RoutingFigures BUSY = new RoutingFigures(12, 300, 0);

    /** Monday 10:00 in Toronto: open. */
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-13T15:00:00Z"));

    @Test
    void firstRuleWhoseConditionsHoldDecidesEnqueueWithItsDetails() {
        Enqueue sales = new Enqueue("sales", 10, "Sales line", "790006", 20);
        RoutingRules rules = rules(
                rule(when("69031", null, Map.of()), new Enqueue("Support", 5, "wrong line", null, null)),
                rule(when("69030", null, Map.of()), sales),
                rule(when("69030", null, Map.of()), new Enqueue("Support", 1, "too late", null, null)));
        RoutingOutcome outcome = rules.decide(facts("9055557900", "69030", Map.of(), QUIET));
        assertEquals(new RoutingOutcome(RoutingDecision.ENQUEUE, "Sales", sales.agent(), sales.agentWaitTime(),
                sales.description(), sales.priority()), outcome);
    }

    @Test
    void transferGivesItsDestinationAndDisconnectNone() {
        RoutingRules rules = rules(new RoutingRule(when("69030", null, Map.of()), null, "5999", null),
                new RoutingRule(null, null, null, true));
        assertEquals(new RoutingOutcome(RoutingDecision.TRANSFER, "5999", "", 0, "", 0),
                rules.decide(facts("1", "69030", Map.of(), QUIET)));
        assertEquals(new RoutingOutcome(RoutingDecision.DISCONNECT, "", "", 0, "", 0),
                rules.decide(facts("1", "69099", Map.of(), QUIET)));
    }

    @Test
    void aniMatchesExactlyOrByPrefixWithAStar() {
        RoutingRules rules = rules(new RoutingRule(when(null, "905*", Map.of()), null, "5001", null),
                new RoutingRule(when(null, "4165550000", Map.of()), null, "5002", null));
        assertEquals("5001", rules.decide(facts("9055557900", "69030", Map.of(), QUIET)).destination());
        assertEquals("5002", rules.decide(facts("4165550000", "69030", Map.of(), QUIET)).destination());
        assertCode(ReturnCode.NO_ROUTING_INFO, () -> rules.decide(facts("41655500001", "69030", Map.of(), QUIET)));
        assertCode(ReturnCode.NO_ROUTING_INFO, () -> rules.decide(facts(null, "69030", Map.of(), QUIET)));
    }

    @Test
    void contactDataConditionsNeedEveryKeyEqual() {
        RoutingRules rules = rules(new RoutingRule(when(null, null, Map.of("Lang", "fr", "Tier", "gold")), null, "5001", null));
        assertEquals("5001", rules.decide(facts("1", "2", Map.of("Lang", "fr", "Tier", "gold", "X", "y"), QUIET)).destination());
        assertCode(ReturnCode.NO_ROUTING_INFO, () -> rules.decide(facts("1", "2", Map.of("Lang", "fr"), QUIET)));
        assertCode(ReturnCode.NO_ROUTING_INFO, () -> rules.decide(facts("1", "2", Map.of("Lang", "en", "Tier", "gold"), QUIET)));
    }

    @Test
    void openAndClosedFollowTheBusinessHoursNow() {
        When closed = new When(null, null, null, null, true, null, null, null, null, null);
        When open = new When(null, null, null, true, null, null, null, null, null, null);
        RoutingRules rules = rules(new RoutingRule(closed, null, "closed", null), new RoutingRule(open, null, "open", null));
        assertEquals("open", rules.decide(facts("1", "2", Map.of(), QUIET)).destination());
        clock.advance(Duration.ofHours(8)); // 18:00, closing time
        assertEquals("closed", rules.decide(facts("1", "2", Map.of(), QUIET)).destination());
    }

    @Test
    void openAndClosedAreTheCentresHoursNotTheCallbacks() {
        When closed = new When(null, null, null, null, true, null, null, null, null, null);
        RoutingRules rules = rules(new RoutingRule(closed, null, "5999", null), new RoutingRule(null, null, "5001", null));
        clock.advance(Duration.ofHours(9)); // Monday 19:00: the callbacks' hours are open, the centre is closed
        assertEquals("5999", rules.decide(facts("1", "2", Map.of(), QUIET)).destination());
    }

    @Test
    void withMultiTenantARuleAppliesOnlyToItsUnitsAndNeverEnqueuesIntoAnotherUnitsQueue() {
        When wireless = new When(null, null, null, null, null, null, null, null, null, null, List.of("WirelessDept"));
        RoutingRule[] list = {
                rule(wireless, new Enqueue("Support", 1, "wireless", null, null)),
                rule(null, new Enqueue("Support", 1, "any unit", null, null)),
                rule(null, new Enqueue("Sales", 1, "sales", null, null)),
                new RoutingRule(null, null, null, true)};
        RoutingRules tenants = rules(true, list);
        assertEquals("wireless", tenants.decide(facts("1", "2", "wirelessdept")).description());
        assertEquals("sales", tenants.decide(facts("1", "2", "Toronto")).description(),
                "Support is WirelessDept's queue: never for a Toronto call");
        assertEquals("any unit", tenants.decide(facts("1", "2", null)).description(),
                "a call with no unit yet matches only rules naming none");
        // Without multiTenant business units are not looked at.
        assertEquals("wireless", rules(false, list).decide(facts("1", "2", "Toronto")).description());
    }

    @Test
    void queueFiguresOfTheEnqueueQueueOrOfWhenQueue() {
        When longWait = new When(null, null, null, null, null, null, 120, null, null, null);
        When agentsFree = new When(null, null, null, null, null, "Support", null, null, 1, null);
        When crowded = new When(null, null, null, null, null, "Support", null, 60, null, 10);
        RoutingRules rules = rules(new RoutingRule(longWait, new Enqueue("Sales", null, null, null, null), null, null),
                new RoutingRule(agentsFree, null, "support-free", null),
                new RoutingRule(crowded, null, "support-short", null));
        RoutingFacts salesBusy = new RoutingFacts("1", "2", Map.of(),
                q -> Optional.of(q.equals("Sales") ? BUSY : QUIET));
        assertEquals(RoutingDecision.ENQUEUE, rules.decide(salesBusy).decision());
        assertEquals("support-free", rules.decide(facts("1", "2", Map.of(), QUIET)).destination());
        RoutingFacts supportShortWaitManyCalls = new RoutingFacts("1", "2", Map.of(),
                q -> Optional.of(new RoutingFigures(11, 60, 0)));
        assertEquals("support-short", rules.decide(supportShortWaitManyCalls).destination());
        RoutingFigures middling = new RoutingFigures(5, 100, 0);
        assertCode(ReturnCode.NO_ROUTING_INFO, () -> rules.decide(facts("1", "2", Map.of(), middling)));
    }

    @Test
    void noRulesAtAllGives915() {
        assertCode(ReturnCode.NO_ROUTING_INFO, () -> rules().decide(facts("1", "2", Map.of(), QUIET)));
    }

    @Test
    void enqueueToAnUnknownQueueOrAgentGives916() {
        assertCode(ReturnCode.ROUTING_WORKFLOW_ERROR, () -> rules(rule(When.ALWAYS,
                new Enqueue("Nowhere", null, null, null, null))).decide(facts("1", "2", Map.of(), QUIET)));
        assertCode(ReturnCode.ROUTING_WORKFLOW_ERROR, () -> rules(rule(When.ALWAYS,
                new Enqueue("Sales", null, null, "999999", 10))).decide(facts("1", "2", Map.of(), QUIET)));
    }

    @Test
    void figuresOfAnUnknownQueueGive916OnlyWhenTheRestOfTheRuleHolds() {
        When unknown = new When("69030", null, null, null, null, "Nowhere", null, null, 1, null);
        RoutingRules rules = rules(new RoutingRule(unknown, null, "5001", null), new RoutingRule(null, null, null, true));
        assertCode(ReturnCode.ROUTING_WORKFLOW_ERROR, () -> rules.decide(facts("1", "69030", Map.of(), QUIET)));
        assertEquals(RoutingDecision.DISCONNECT, rules.decide(facts("1", "69031", Map.of(), QUIET)).decision());
        RoutingRules noFigures = rules(new RoutingRule(new When(null, null, null, null, null, "Sales", null, null, 1, null),
                null, "5001", null));
        assertCode(ReturnCode.ROUTING_WORKFLOW_ERROR,
                () -> noFigures.decide(new RoutingFacts("1", "2", Map.of(), q -> Optional.empty())));
        RoutingRules noQueue = rules(new RoutingRule(new When(null, null, null, null, null, null, null, null, 1, null),
                null, "5001", null));
        assertCode(ReturnCode.ROUTING_WORKFLOW_ERROR, () -> noQueue.decide(facts("1", "2", Map.of(), QUIET)));
    }

    private RoutingRules rules(RoutingRule... rules) {
        return rules(false, rules);
    }

    /** Sales is Toronto's queue, Support WirelessDept's. */
    private RoutingRules rules(boolean multiTenant, RoutingRule... rules) {
        CenterConfig config = new CenterConfig(null, null, null, multiTenant, List.of("Toronto", "WirelessDept"), null,
                null, List.of(new QueueConfig("Sales", "Toronto", "7000", null, null),
                        new QueueConfig("Support", "WirelessDept", "7001", null, null)),
                List.of(new AgentConfig("790006", "Alan Smith", List.of("Sales"), 0)),
                null, CALLBACKS, List.of(rules), null, HOURS, null, null);
        return new RoutingRules(config, clock);
    }

    private static RoutingRule rule(When when, Enqueue enqueue) {
        return new RoutingRule(when, enqueue, null, null);
    }

    private static When when(String dnis, String ani, Map<String, String> contactData) {
        return new When(dnis, ani, contactData, null, null, null, null, null, null, null);
    }

    private static RoutingFacts facts(String ani, String dnis, Map<String, String> data, RoutingFigures figures) {
        return new RoutingFacts(ani, dnis, data, q -> Optional.of(figures));
    }

    private static RoutingFacts facts(String ani, String dnis, String businessUnit) {
        return new RoutingFacts(ani, dnis, Map.of(), q -> Optional.of(QUIET), businessUnit);
    }

    private static void assertCode(ReturnCode expected, Runnable action) {
        assertEquals(expected, assertThrows(IvrException.class, action::run).code());
    }
}
