package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import com.tradethehype.ops.OpsMain;
import com.tradethehype.ops.aws.AwsClients;
import com.tradethehype.ops.aws.Calls;
import com.tradethehype.ops.config.OpsSettings;
import com.tradethehype.ops.config.SettingsResolver;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Common part of the commands that talk to AWS: resolve the settings, open the clients, run, close. */
abstract class OpsCommandBase implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @ParentCommand
    OpsMain main;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        var environment = main.environment();
        OpsSettings settings = new SettingsResolver(environment.env(), environment.home())
                .resolve(global.region, global.stack, global.endpoint, global.profileFile, global.dryRun);
        PrintWriter out = spec.commandLine().getOut();
        try (Ops ops = new Ops(settings, new AwsClients(settings, environment.credentials(), environment.retryBaseDelay()),
                new Calls(settings, out), out, environment)) {
            run(ops);
        }
        return 0;
    }

    abstract void run(Ops ops);
}
