/**
 * Transit numbers for unmonitored IVR calls (guide 2.3, 4.12, 4.20; docs/ARCHITECTURE.md): a configured pool,
 * one number a call, held in the database so that every node sees the same holds; a hold expires unless
 * the call arrives at the number first.
 */
package org.ivrgateway.core.transit;
