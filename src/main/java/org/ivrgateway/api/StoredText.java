package org.ivrgateway.api;

/**
 * The one check of a string that is going to be stored, for every way in (the IVR API's parameters, the
 * REST bodies): what H2 and PostgreSQL can both hold, and the length a table of the guide allows,
 * counted in characters (Unicode code points, so an emoji is one). docs/VXML.md ("Text values") says why.
 *
 * <ul>
 *   <li>NUL (U+0000) is refused: PostgreSQL cannot store it in text.</li>
 *   <li>A lone surrogate (half of a UTF-16 pair) is refused: it is no character, UTF-8 cannot encode it,
 *       and the databases would store something else than was sent.</li>
 *   <li>More code points than {@code maxLength} (when it is above 0) is refused. The columns are wide
 *       enough for that many code points on both databases (db/migration V5).</li>
 * </ul>
 */
public final class StoredText {
    private StoredText() {
    }

    /**
     * @return {@code text} unchanged
     * @throws InvalidArgumentException naming {@code name} and the first problem found
     */
    public static String check(String name, String text, int maxLength) {
        String problem = problem(text, maxLength);
        if (problem != null) throw new InvalidArgumentException(name, problem);
        return text;
    }

    /** What is wrong with {@code text} (a phrase that follows its name), or null when it can be stored. */
    public static String problem(String text, int maxLength) {
        int codePoints = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) return "contains NUL (U+0000), which cannot be stored";
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a lone surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + "), which is not a character";
            }
            codePoints++;
        }
        if (maxLength > 0 && codePoints > maxLength) return "is longer than " + maxLength + " characters";
        return null;
    }
}
