package io.usagereport.ingest.format.graph;

import java.util.Optional;

/**
 * The text a JSON parser reads, kept just long enough to copy a record's original text into a reject.
 * Offsets are character offsets as the parser reports them.
 */
interface SourceText
{
    /** Forgets the text before {@code offset}: nothing before it will be sliced again. */
    void keepFrom(long offset);

    /** The text from {@code start} (inclusive) to {@code end} (exclusive), or empty when it was not kept. */
    Optional<String> slice(long start, long end);

    /** The text of one line read on its own: everything is kept. */
    static SourceText of(String text)
    {
        return new SourceText()
        {
            @Override
            public void keepFrom(long offset) {}

            @Override
            public Optional<String> slice(long start, long end)
            {
                if (start < 0 || end > text.length() || start > end) {
                    return Optional.empty();
                }
                return Optional.of(text.substring((int) start, (int) end));
            }
        };
    }
}
