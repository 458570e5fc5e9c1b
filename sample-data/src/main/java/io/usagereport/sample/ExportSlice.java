package io.usagereport.sample;

import static java.util.Objects.requireNonNull;

/**
 * One export an admin made: a format, which sign-ins (interactive, non-interactive or both) and which days.
 * Days count from 0, the previous month's last day, to {@link #LAST_DAY}, the next month's first day.
 */
record ExportSlice(SampleFormat format, Coverage coverage, int fromDay, int toDay, boolean malformed)
{
    static final int FIRST_DAY = 0;
    static final int LAST_DAY = Integer.MAX_VALUE;

    ExportSlice
    {
        requireNonNull(format, "format is null");
        requireNonNull(coverage, "coverage is null");
        if (fromDay > toDay) {
            throw new IllegalArgumentException("Invalid day range: " + fromDay + " to " + toDay);
        }
    }

    static ExportSlice of(SampleFormat format, Coverage coverage, int fromDay, int toDay)
    {
        return new ExportSlice(format, coverage, fromDay, toDay, false);
    }

    /** An export with a few deliberately broken rows. */
    static ExportSlice malformed(SampleFormat format, Coverage coverage, int fromDay, int toDay)
    {
        return new ExportSlice(format, coverage, fromDay, toDay, true);
    }

    enum Coverage
    {
        ALL,
        INTERACTIVE,
        NON_INTERACTIVE;

        boolean includes(boolean interactive)
        {
            switch (this) {
                case ALL:
                    return true;
                case INTERACTIVE:
                    return interactive;
                case NON_INTERACTIVE:
                    return !interactive;
            }
            throw new AssertionError(this);
        }
    }
}
