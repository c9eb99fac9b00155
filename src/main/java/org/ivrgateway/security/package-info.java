/**
 * Who may do what (docs/SECURITY.md): the people and machines of the configuration and how they prove who
 * they are (password hashes, token digests), the rule table that says what each role may do, the console's
 * sign-ins and the audit log, both kept in the database so that every node knows them.
 */
package org.ivrgateway.security;
