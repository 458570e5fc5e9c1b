package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Not available in this build yet.")
final class RunCommand
        implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        throw new UsageReportException(ErrorCode.USAGE, "Cannot run 'run': it is not available in this build yet");
    }
}
