package io.usagereport.ingest.format.csv;

/** Counts and strips physical line breaks: CR LF, LF and a lone CR each end one line. */
final class LineBreaks
{
    private LineBreaks() {}

    /**
     * The number of line breaks that end in {@code text[from, to)}, where {@code text[0, length)} holds text; a CR LF
     * pair counts once, at its LF.
     */
    static int count(char[] text, int from, int to, int length)
    {
        int count = 0;
        for (int index = from; index < to; index++) {
            char c = text[index];
            if (c == '\n') {
                count++;
            }
            else if (c == '\r' && (index + 1 >= length || text[index + 1] != '\n')) {
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
