package com.tradethehype.ops.config;

import java.net.URI;

/** Where the CLI works: region, stack (= ECS cluster name), an optional endpoint override, and dry-run. */
public record OpsSettings(String region, String stack, URI endpoint, int maxAttempts, boolean dryRun) {

    /** The EventBridge rule (and Step Functions state machine) of the daily pipeline, named after the stack. */
    public String ruleName() {
        return stack + "-daily-pipeline";
    }

    /** The CloudWatch log group of one service, as the stack names it. */
    public String logGroup(String service) {
        return "/tth/" + stack + "/" + service;
    }
}
