package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Not available in this build yet.")
final class DemoCommand
        implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        throw new UsageReportException(ErrorCode.USAGE, "Cannot run 'demo': it is not available in this build yet");
    }
}
