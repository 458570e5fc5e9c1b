package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "sample", mixinStandardHelpOptions = true, description = "Not available in this build yet.")
final class SampleCommand
        implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        throw new UsageReportException(ErrorCode.USAGE, "Cannot run 'sample': it is not available in this build yet");
    }
}
