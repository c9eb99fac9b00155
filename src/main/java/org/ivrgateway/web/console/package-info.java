/**
 * The web console (README.md): the supervisor's wallboard, the agent desktop, the telephony panel that
 * plays the switch side in a browser, and the configuration as loaded. Thymeleaf HTML pages from
 * {@code webapp/} on the classpath, form posts answered with Post/Redirect/Get, and a server-sent event
 * stream ({@code /console/events}) that tells open pages when the contact center changed. Depends on the
 * {@code api} interfaces and the configuration records only.
 */
package org.ivrgateway.web.console;
