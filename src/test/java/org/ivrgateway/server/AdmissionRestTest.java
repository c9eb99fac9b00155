package org.ivrgateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.HeldConnections;
import org.ivrgateway.store.TestDatabase;

/**
 * Admission control on REST (docs/RELIABILITY.md): a node whose queue for a database connection is full
 * answers at once 503 with {@code Retry-After}, the API's -701 in the body, instead of waiting for a
 * connection (then 504). The test holds the pool's two connections and fills the queue itself.
 */
class AdmissionRestTest {
    private static final String OFFER = "{\"device\":\"36200\",\"ani\":\"4165550100\",\"dnis\":\"69030\"}";

    @BothDatabases
    void aNodeTooBusyForMoreWorkAnswers503WithRetryAfterAtOnce(TestDatabase test) throws Exception {
        try (Database db = Database.open(test.url(), test.user(), "", 2, new Database.Admission(1, 0));
             Node node = Node.start("127.0.0.1", 0, db, TestNode.loadConfig("centers/test-center.yaml"), java.time.Clock.systemUTC());
             Rest rest = new Rest(node.uri())) {
            try (HeldConnections held = HeldConnections.take(db, 2)) {
                held.queue(1);
                Rest.Answer offer = rest.post("/api/telephony/offer", OFFER);
                assertEquals(503, offer.status(), offer.text());
                assertEquals("1", offer.headers().firstValue("Retry-After").orElse(null));
                assertEquals(-701, offer.code(), offer.text());
                assertTrue(db.refused() >= 1);
                held.release();
            }
            Rest.Answer again = rest.post("/api/telephony/offer", OFFER);
            assertEquals(201, again.status(), again.text());
        }
    }
}
