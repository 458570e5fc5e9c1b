package io.usagereport.ingest;

/**
 * What went wrong, for the command line to turn into an exit status.
 */
public enum ErrorCode
{
    /** The command was called wrongly (options, values). Exit status 1. */
    USAGE,
    /** An input file the job cannot read at all (unknown format, wrong encoding, unreadable). */
    BAD_INPUT,
    /** The lake or output folder cannot be read or written. */
    STORAGE,
    /** A bug: a state the code should never reach. */
    INTERNAL
}
