package org.ivrgateway.gateway;

/**
 * One result variable as a VoiceXML template sees it: its name and its value as an escaped ECMAScript
 * literal. Public with bean getters because the templates' expressions read it by reflection.
 */
public record ResultVariable(String name, String expr) {
    public String getName() {
        return name;
    }

    public String getExpr() {
        return expr;
    }
}
