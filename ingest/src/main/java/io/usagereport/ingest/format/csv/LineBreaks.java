package io.usagereport.ingest.format.csv;

/** Counts and strips physical line breaks: CR LF, LF and a lone CR each end one line. */
final class LineBreaks
{
    private LineBreaks() {}

    /** The number of line breaks that end in {@code text[from, to)}; a CR LF pair counts once, at its LF. */
    static int count(CharSequence text, int from, int to)
    {
        int count = 0;
        for (int index = from; index < to; index++) {
            char c = text.charAt(index);
            if (c == '\n') {
                count++;
            }
            else if (c == '\r' && (index + 1 >= text.length() || text.charAt(index + 1) != '\n')) {
                count++;
            }
        }
        return count;
    }

    static boolean isBreak(char c)
    {
        return c == '\n' || c == '\r';
    }
}
