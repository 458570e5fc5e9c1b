package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;

/**
 * The exit statuses of the contract.
 */
final class ExitCodes
{
    /** Everything done. */
    static final int OK = 0;
    /** Bad usage, or input that stops the job. */
    static final int USAGE_OR_INPUT = 1;
    /** The job finished, but some input rows were rejected (written to the lake's rejects, counts printed). */
    static final int REJECTS = 2;
    /** The lake or output folder could not be read or written. */
    static final int STORAGE = 3;
    /** Anything else: a bug. */
    static final int INTERNAL = 4;

    private ExitCodes() {}

    static int of(ErrorCode code)
    {
        return switch (code) {
            case USAGE, BAD_INPUT -> USAGE_OR_INPUT;
            case STORAGE -> STORAGE;
            case INTERNAL -> INTERNAL;
        };
    }
}
