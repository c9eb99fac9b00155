package org.ivrgateway.gateway;

import java.util.List;
import java.util.stream.Collectors;
import org.ivrgateway.api.Direction;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.ParamType;

/**
 * Writes the per-function reference of docs/VXML.md from the catalog, so the doc cannot drift from what
 * the gateway reads and returns: URL, parameters, returned variables and an example subdialog.
 */
final class FunctionReference {
    static final String BEGIN = "<!-- BEGIN FUNCTION REFERENCE: generated from the catalog by FunctionReference; do not edit -->";
    static final String END = "<!-- END FUNCTION REFERENCE -->";

    private FunctionReference() {
    }

    static String markdown() {
        StringBuilder out = new StringBuilder(BEGIN).append("\n");
        for (IvrFunction f : IvrFunction.values()) out.append(section(f));
        return out.append(END).toString();
    }

    private static String section(IvrFunction f) {
        StringBuilder s = new StringBuilder("\n### ").append(f.guideName()).append("\n\n");
        s.append("`/vxml/").append(f.guideName()).append("` (guide ").append(f.section()).append("; also `/xml/")
                .append(f.guideName()).append("` and `/api/ivr/").append(f.guideName()).append("`). Needs: ")
                .append(switch (f.scope()) {
                    case NONE -> "nothing (it creates the session)";
                    case SESSION -> "a session (Initialize)";
                    case CALL -> "a session and QueryCallInfo";
                }).append(".\n\n");
        List<Parameter> inputs = f.inputs();
        if (inputs.isEmpty()) {
            s.append("Parameters: none (send `SessionID`, or use the param style; see above).\n\n");
        } else {
            s.append("| Parameter | Type | Range | Required |\n|---|---|---|---|\n");
            for (Parameter p : inputs) {
                s.append("| `").append(p.name()).append("`").append(p.direction() == Direction.IN_OUT ? " (also returned)" : "")
                        .append(p.emptyIsValue() ? " (empty is a value)" : "")
                        .append(p.multiTenantOnly() ? " (ignored unless multiTenant)" : "")
                        .append(" | ").append(type(p)).append(" | ").append(p.rangeText().orElse("")).append(" | ")
                        .append(p.isOptional() ? "no" : "yes").append(" |\n");
            }
            s.append("\n");
        }
        s.append("| Returned variable | Type | When not set |\n|---|---|---|\n");
        s.append("| `ReturnCode` | number | |\n");
        for (Parameter p : f.outputs()) {
            String unset = p.direction() == Direction.IN_OUT ? "its input value, else `''`"
                    : "`" + (p.type() == ParamType.INTEGER ? "0" : "''") + "`";
            s.append("| `").append(p.name()).append("` | ").append(type(p)).append(" | ").append(unset).append(" |\n");
            if (p.name().equals(ResultSpellings.CALLS_IN_QUEUE)) {
                for (String alias : ResultSpellings.extraNames(f)) {
                    s.append("| `").append(alias).append("` | ").append(type(p)).append(" | the same value as `")
                            .append(p.name()).append("` (the guide's syntax line spells it so) |\n");
                }
            }
        }
        s.append("\nReturn codes the guide lists: ").append(f.documentedCodes().stream().map(String::valueOf)
                .collect(Collectors.joining(", "))).append(".\n\n");
        String required = inputs.stream().filter(p -> !p.isOptional()).map(Parameter::name).collect(Collectors.joining(" "));
        String name = Character.toLowerCase(f.guideName().charAt(0)) + f.guideName().substring(1);
        s.append("```xml\n<subdialog name=\"").append(name).append("\" src=\"http://gateway:8080/vxml/")
                .append(f.guideName()).append("\" method=\"post\" fetchtimeout=\"10s\"\n           namelist=\"")
                .append(f == IvrFunction.INITIALIZE ? required : (required + " SessionID").strip()).append("\">\n  <filled>\n")
                .append("    <if cond=\"").append(name).append(".ReturnCode &lt; 0\"> <goto next=\"#apiError\"/> </if>\n");
        for (Parameter p : f.outputs()) {
            s.append("    <assign name=\"").append(p.name()).append("\" expr=\"").append(name).append('.')
                    .append(p.name()).append("\"/>\n");
        }
        return s.append("  </filled>\n</subdialog>\n```\n").toString();
    }

    private static String type(Parameter p) {
        if (p.type() == ParamType.INTEGER) return "integer";
        return p.numericString() ? "string (a number)" : "string";
    }
}
