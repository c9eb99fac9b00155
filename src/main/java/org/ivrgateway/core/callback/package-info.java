/**
 * Callbacks (guide 4.3, 4.4; docs/CALLBACKS.md): CreateCallback's validation of schedules, business hours,
 * excluded numbers, contact data, duplicates and callback queues, and the durable store of callbacks.
 * Also the contact center's business hours, which routing rules read as open/closed.
 */
package org.ivrgateway.core.callback;
