package io.usagereport.cli;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Not available in this build yet.")
final class AnalyzeCommand
        implements Callable<Integer>
{
    @Override
    public Integer call()
    {
        throw new UsageReportException(ErrorCode.USAGE, "Cannot run 'analyze': it is not available in this build yet");
    }
}
