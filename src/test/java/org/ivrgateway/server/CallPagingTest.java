package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.ivrgateway.server.Rest.Answer;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.TestDatabase;

/** {@code GET /api/calls} is bounded and paged (docs/RELIABILITY.md). */
class CallPagingTest {

    @BothDatabases
    void liveCallsComeInPagesInOrderOfArrival(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            Rest rest = node.rest();
            List<String> offered = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                node.clock.advance(java.time.Duration.ofSeconds(1));
                Answer offer = rest.post("/api/telephony/offer", "{\"device\":\"3620" + (i % 4)
                        + "\",\"ani\":\"416555010" + i + "\",\"dnis\":\"69030\"}");
                assertEquals(201, offer.status(), offer.text());
                offered.add(offer.field("callId"));
            }
            List<String> seen = new ArrayList<>();
            String next = "/api/calls?limit=3";
            int pages = 0;
            while (next != null) {
                Answer page = rest.get(next);
                assertEquals(200, page.status(), page.text());
                assertEquals("7", page.headers().firstValue("X-Total-Count").orElseThrow());
                assertTrue(page.json().size() <= 3, page.text());
                page.json().forEach(c -> seen.add(c.path("callId").asText()));
                next = page.headers().firstValue("Link").map(l -> l.substring(1, l.indexOf('>'))).orElse(null);
                pages++;
            }
            assertEquals(3, pages);
            assertEquals(offered, seen);
            assertEquals(offered.get(5), rest.get("/api/calls?offset=5&limit=1").json().get(0).path("callId").asText());
            assertEquals(offered.get(2), rest.get("/api/calls/" + offered.get(2)).field("callId"));
            assertEquals(7, rest.get("/api/calls").json().size(), "the default page holds 100");
        }
    }

    @BothDatabases
    void pageParametersOutOfRangeAre400(TestDatabase db) throws Exception {
        try (TestNode node = TestNode.start(db)) {
            for (String query : List.of("limit=0", "limit=501", "limit=ten", "offset=-1", "limit=%FF")) {
                Answer a = node.rest().get("/api/calls?" + query);
                assertEquals(400, a.status(), query + ": " + a.text());
                assertTrue(a.field("error") != null && !a.text().contains("Exception"), a.text());
            }
        }
    }
}
