package se.conformance.reports;

/**
 * Escaping for text placed in HTML element content and double-quoted attribute values — the only
 * two places the summary page puts data. Every character with a meaning in HTML is replaced by
 * its character reference, so vendor-supplied text can never become markup.
 */
public final class Html {

    private Html() {}

    /** {@code text} with {@code & < > " '} replaced by character references; {@code null} as "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
