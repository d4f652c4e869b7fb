package com.tradethehype.ops;

import com.tradethehype.ops.command.CostCommand;
import com.tradethehype.ops.command.DeployCommand;
import com.tradethehype.ops.command.LogsCommand;
import com.tradethehype.ops.command.PauseCommand;
import com.tradethehype.ops.command.RedriveCommand;
import com.tradethehype.ops.command.ResumeCommand;
import com.tradethehype.ops.command.ScaleCommand;
import com.tradethehype.ops.command.ScheduleCommand;
import com.tradethehype.ops.command.StatusCommand;
import com.tradethehype.ops.command.TeardownCommand;
import com.tradethehype.ops.command.TriggerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** tth-ops: the operations guide of the AWS stack, one command per task. */
@Command(name = "tth-ops", mixinStandardHelpOptions = true, version = "tth-ops 0.1.0",
        description = "Operate the TradeTheHype AWS stack (deploy/aws/tth-stack.yaml).",
        subcommands = {StatusCommand.class, ScaleCommand.class, PauseCommand.class, ResumeCommand.class,
                TriggerCommand.class, DeployCommand.class, LogsCommand.class, ScheduleCommand.class,
                RedriveCommand.class, TeardownCommand.class, CostCommand.class})
public class OpsMain {

    private final OpsEnvironment environment;

    public OpsMain(OpsEnvironment environment) {
        this.environment = environment;
    }

    public OpsEnvironment environment() {
        return environment;
    }

    /** A command line wired to the environment; errors print as one line on stderr with the exit code. */
    public static CommandLine commandLine(OpsEnvironment environment) {
        CommandLine cl = new CommandLine(new OpsMain(environment));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof OpsException ops) {
                commandLine.getErr().println("tth-ops: " + ops.getMessage());
                return ops.exitCode();
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine(OpsEnvironment.system()).execute(args));
    }
}
