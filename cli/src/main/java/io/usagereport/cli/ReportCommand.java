package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, description = "Not available in this build yet.")
final class ReportCommand
        implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        throw new UsageReportException(ErrorCode.USAGE, "Cannot run 'report': it is not available in this build yet");
    }
}
