package io.usagereport.ingest.testing;

import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** A {@link SignInSink} that keeps everything it is given, in order, for assertions. */
public final class CollectingSink
        implements SignInSink
{
    /** A sign-in with the record number and line it was read from. */
    public record Read(SignIn signIn, long record, long line)
    {
        public Read
        {
            requireNonNull(signIn, "signIn is null");
        }
    }

    private final List<Read> signIns = new ArrayList<>();
    private final List<Reject> rejects = new ArrayList<>();

    @Override
    public void signIn(SignIn signIn, long record, long line)
    {
        signIns.add(new Read(signIn, record, line));
    }

    @Override
    public void reject(Reject reject)
    {
        rejects.add(requireNonNull(reject, "reject is null"));
    }

    public List<Read> signIns()
    {
        return List.copyOf(signIns);
    }

    public List<Reject> rejects()
    {
        return List.copyOf(rejects);
    }
}
