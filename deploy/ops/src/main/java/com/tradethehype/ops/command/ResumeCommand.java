package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.EnableRuleResponse;

/** resume: the daily rule enabled again (the scaled-down profile); service counts are left as they are. */
@Command(name = "resume", description = "Enable the daily pipeline again (scaled-down profile)")
public class ResumeCommand extends OpsCommandBase {

    @Override
    void run(Ops ops) {
        String rule = ops.settings().ruleName();
        var request = EnableRuleRequest.builder().name(rule).build();
        ops.calls().call("events:EnableRule", request, () -> ops.aws().events().enableRule(request),
                () -> EnableRuleResponse.builder().build());
        ops.out().println("rule " + rule + " ENABLED");
        ops.out().println("profile: scaled down (services stay as they are; ./tth ops scale up to run them continuously)");
    }
}
