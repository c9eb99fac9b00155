/**
 * Access control as a filter layer in front of every servlet (docs/SECURITY.md): the {@code Host} check,
 * the security headers, who the requester is (sign-in cookie, bearer token, VoiceXML platform address and
 * basic credentials), the rule table of {@link org.ivrgateway.security.AccessRules}, CSRF and
 * {@code Origin} checks for the console's forms, JSON-only REST bodies, and the audit log of changes.
 */
package org.ivrgateway.web.auth;
