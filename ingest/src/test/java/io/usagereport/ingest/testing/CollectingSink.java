package io.usagereport.ingest.testing;

import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A {@link SignInSink} that keeps everything it is given, in order, for tests to look at.
 */
public final class CollectingSink
        implements SignInSink
{
    /** One sign-in with the record number and line the reader gave it. */
    public record Collected(SignIn signIn, long record, long line)
    {
        public Collected
        {
            requireNonNull(signIn, "signIn is null");
        }
    }

    private final List<Collected> signIns = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    @Override
    public void signIn(SignIn signIn, long record, long line)
    {
        signIns.add(new Collected(signIn, record, line));
    }

    @Override
    public void reject(Reject reject)
    {
        rejects.add(requireNonNull(reject, "reject is null"));
    }

    public List<Collected> signIns()
    {
        return List.copyOf(signIns);
    }

    public List<Reject> rejects()
    {
        return List.copyOf(rejects);
    }
}
