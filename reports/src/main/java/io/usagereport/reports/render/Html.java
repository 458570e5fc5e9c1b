package io.usagereport.reports.render;

/**
 * HTML text escaping: everything from the logs and the bundles goes through {@link #escape(String)}.
 */
public final class Html
{
    private Html() {}

    /** Escapes text for element content and double- or single-quoted attribute values. */
    public static String escape(String text)
    {
        StringBuilder result = new StringBuilder(text.length() + 16);
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            switch (character) {
                case '<' -> result.append("&lt;");
                case '>' -> result.append("&gt;");
                case '&' -> result.append("&amp;");
                case '"' -> result.append("&quot;");
                case '\'' -> result.append("&#39;");
                default -> {
                    // Control characters from logs would make the document invalid: show them as a replacement mark.
                    if (character < 0x20 && character != '\n' && character != '\t' && character != '\r') {
                        result.append('\uFFFD');
                    }
                    else {
                        result.append(character);
                    }
                }
            }
        }
        return result.toString();
    }
}
