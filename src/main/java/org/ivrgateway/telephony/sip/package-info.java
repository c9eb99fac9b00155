/**
 * Kamailio as the switch (docs/TELEPHONY.md): the connector opens Kamailio's evapi socket, answers the
 * INVITEs Kamailio suspends for it with what the core decided, reports calls offered, answered and cleared
 * through the core's telephony port ({@link org.ivrgateway.api.Telephony}), carries out the switch
 * operations the core publishes (relay a held call to its agent, Disconnect through JSON-RPC, place a
 * callback's call from the agent's phone), and keeps
 * the SIP legs it saw in the database (table sip_leg) so that any node may act on them.
 */
package org.ivrgateway.telephony.sip;
