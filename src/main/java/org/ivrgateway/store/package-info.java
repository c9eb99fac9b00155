/**
 * The durable store: the connection pool, Flyway migrations ({@code db/migration}) and transactions over
 * H2 (embedded default) or PostgreSQL. All live state of the contact center lives here, so that every
 * node on the same database sees it (docs/ARCHITECTURE.md); what it guarantees is in docs/RELIABILITY.md.
 */
package org.ivrgateway.store;
