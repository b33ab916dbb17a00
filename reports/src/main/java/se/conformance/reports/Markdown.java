package se.conformance.reports;

/**
 * Escaping for text placed in a Markdown table cell or paragraph: characters with a meaning in
 * (GitHub-flavoured) Markdown get a backslash, {@code <}/{@code >} become character references
 * (raw HTML would otherwise pass through), and line breaks become spaces so a cell stays on its row.
 */
public final class Markdown {

    private Markdown() {}

    /** {@code text} safe for a table cell; {@code null} as "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> out.append('\\').append(c);
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> { }
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
