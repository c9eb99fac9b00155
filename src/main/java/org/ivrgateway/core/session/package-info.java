/** API sessions: one per IVR port and client, stored in the database, expiring after an idle time. */
package org.ivrgateway.core.session;
