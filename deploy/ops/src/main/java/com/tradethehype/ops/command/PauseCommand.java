package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DisableRuleResponse;
import picocli.CommandLine.Command;

/** pause: the daily rule disabled and every service at 0; nothing runs, only storage is paid. */
@Command(name = "pause", description = "Disable the daily pipeline and scale every service to 0")
public class PauseCommand extends OpsCommandBase {

    @Override
    void run(Ops ops) {
        String rule = ops.settings().ruleName();
        var request = DisableRuleRequest.builder().name(rule).build();
        ops.calls().call("events:DisableRule", request, () -> ops.aws().events().disableRule(request),
                () -> DisableRuleResponse.builder().build());
        ops.out().println("rule " + rule + " DISABLED");
        Fleet.setSentimentWorkers(ops, 0, 0);
        Fleet.setDesiredCount(ops, 0);
        ops.out().println("profile: paused (resume with: ./tth ops resume)");
    }
}
