package io.usagereport.sample;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/** One file of a tenant's plan: which sign-ins go into it, in which format. */
record ExportFile(String fileName, SampleFormat format, ExportSlice.Coverage coverage, LocalDate from, LocalDate to,
        boolean malformed)
{
    ExportFile
    {
        requireNonNull(fileName, "fileName is null");
        requireNonNull(format, "format is null");
        requireNonNull(coverage, "coverage is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }

    boolean includes(SampleSignIn signIn)
    {
        LocalDate day = LocalDate.ofInstant(signIn.createdAt(), ZoneOffset.UTC);
        return coverage.includes(signIn.interactive()) && !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether the file lists the newest sign-in first, as the portal, Graph and PowerShell do. */
    boolean newestFirst()
    {
        return format != SampleFormat.DIAGNOSTIC_RECORDS;
    }
}
