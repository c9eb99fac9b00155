package org.ivrgateway.api;

/** The two value types of the guide's parameter tables: "Chaîne" and "Nombre entier". */
public enum ParamType {
    STRING,
    INTEGER
}
