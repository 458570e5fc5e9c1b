package io.usagereport.ingest;

/**
 * Receives what a reader makes of an export, record by record, so that no reader holds a file in memory.
 */
public interface SignInSink
{
    /**
     * One sign-in read from the record numbered {@code record} starting on physical line {@code line}.
     */
    void signIn(SignIn signIn, long record, long line);

    /** One record that could not become a sign-in. */
    void reject(Reject reject);
}
