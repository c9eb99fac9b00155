package org.ivrgateway.api;

import java.util.Optional;

/**
 * One row of a parameter table of the guide: name, direction, type, range and whether it may be omitted.
 *
 * <p>Strings have a maximum length in characters ({@code maxLength}, 0 for unlimited); integers a closed
 * range {@code [min, max]}. A few string parameters hold a number (Initialize's {@code LocalPort},
 * "Chaîne, 1 – 32767"); for those {@code numericString} is true and the range applies to the parsed value.
 *
 * <p>An empty value counts as absent, except for a parameter with {@code emptyIsValue}, where the empty
 * string is a value the guide needs (SetContactData's {@code Value}, SetDisplay's {@code DisplayInfo}). A
 * {@code multiTenantOnly} parameter is not looked at, whatever its value, when the contact center is not
 * multi-tenant (QueryQueueStatistics's {@code BusinessUnitName}). docs/VXML.md, "Parameters".
 */
public record Parameter(
        String name,
        Direction direction,
        ParamType type,
        long min,
        long max,
        int maxLength,
        boolean numericString,
        boolean isOptional,
        boolean emptyIsValue,
        boolean multiTenantOnly) {

    public Parameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name is required");
        }
        if (min > max) {
            throw new IllegalArgumentException(name + ": min " + min + " > max " + max);
        }
    }

    public static Parameter string(String name, int maxLength) {
        return new Parameter(name, Direction.IN, ParamType.STRING, Long.MIN_VALUE, Long.MAX_VALUE, maxLength, false, false, false, false);
    }

    public static Parameter integer(String name, long min, long max) {
        return new Parameter(name, Direction.IN, ParamType.INTEGER, min, max, 0, false, false, false, false);
    }

    /** A string that must hold an integer in {@code [min, max]}. */
    public static Parameter numericString(String name, long min, long max) {
        return new Parameter(name, Direction.IN, ParamType.STRING, min, max, 0, true, false, false, false);
    }

    public Parameter optional() {
        return new Parameter(name, direction, type, min, max, maxLength, numericString, true, emptyIsValue,
                multiTenantOnly);
    }

    /** The empty string is a value of this parameter, not its absence. */
    public Parameter emptyIsAValue() {
        return new Parameter(name, direction, type, min, max, maxLength, numericString, isOptional, true,
                multiTenantOnly);
    }

    /** Read only when the contact center is multi-tenant; ignored, whatever its value, otherwise. */
    public Parameter onlyWhenMultiTenant() {
        return new Parameter(name, direction, type, min, max, maxLength, numericString, isOptional, emptyIsValue,
                true);
    }

    public Parameter byReference() {
        return new Parameter(name, Direction.OUT, type, min, max, maxLength, numericString, true, emptyIsValue,
                multiTenantOnly);
    }

    public Parameter inOut() {
        return new Parameter(name, Direction.IN_OUT, type, min, max, maxLength, numericString, isOptional,
                emptyIsValue, multiTenantOnly);
    }

    /** The value a caller reads for this output when the function sets none (on error, for instance). */
    public Object emptyValue() {
        return type == ParamType.INTEGER ? 0 : "";
    }

    /**
     * Converts and checks one input value. Accepts a {@link String} for any type (as HTTP delivers it) or a
     * {@link Number} for integers. Returns the typed value: {@code String} or {@code Integer}. Strings are
     * checked by {@link StoredText}: what both databases can hold, and the length in characters.
     *
     * @throws InvalidArgumentException naming this parameter and what is wrong
     */
    public Object accept(Object raw) {
        if (type == ParamType.INTEGER) {
            long value = toLong(raw);
            if (value < min || value > max) {
                throw new InvalidArgumentException(name, "must be between " + min + " and " + max + ", was " + value);
            }
            return (int) value;
        }
        String text = StoredText.check(name, raw instanceof String s ? s : String.valueOf(raw), maxLength);
        if (numericString) {
            long value = toLong(text);
            if (value < min || value > max) {
                throw new InvalidArgumentException(name, "must be between " + min + " and " + max + ", was " + value);
            }
        }
        return text;
    }

    private long toLong(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        String text = String.valueOf(raw).strip();
        if (!text.matches("[+-]?\\d{1,18}")) {
            throw new InvalidArgumentException(name, "must be an integer, was '" + abbreviate(text) + "'");
        }
        return Long.parseLong(text);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** The human-readable range, as written in docs: "18 characters", "1 to 100". */
    public Optional<String> rangeText() {
        if (type == ParamType.INTEGER || numericString) {
            String lo = min == Long.MIN_VALUE ? "" : Long.toString(min);
            String hi = max == Long.MAX_VALUE ? "" : Long.toString(max);
            if (lo.isEmpty() && hi.isEmpty()) return Optional.empty();
            if (hi.isEmpty()) return Optional.of("≥ " + lo);
            return Optional.of(lo + " to " + hi);
        }
        return maxLength > 0 ? Optional.of(maxLength + " characters") : Optional.empty();
    }
}
