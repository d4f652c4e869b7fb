package com.tradethehype.ops.command;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: where to work, and whether to only print the calls. */
public class GlobalOptions {

    @Option(names = "--region", description = "AWS region (else TTH_OPS_REGION, AWS_REGION, or region= in the profile file)")
    String region;

    @Option(names = "--stack", description = "Stack name = ECS cluster name (else TTH_OPS_STACK, stack=, default tth)")
    String stack;

    @Option(names = "--endpoint", description = "Send every AWS call to this endpoint (a local emulator or test server)")
    String endpoint;

    @Option(names = "--profile-file", description = "Properties file with region/stack/endpoint (default ~/.config/tth/ops.properties)")
    Path profileFile;

    @Option(names = "--dry-run", description = "Print the AWS calls instead of making them (no credentials needed)")
    boolean dryRun;
}
