package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** trigger: start the daily pipeline now (ingest poll-once, sentiment drain, digest send-digest). */
@Command(name = "trigger", description = "Start the daily pipeline now")
public class TriggerCommand extends OpsCommandBase {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'manual-'yyyyMMdd'T'HHmmss'Z'");

    @Override
    void run(Ops ops) {
        String arn = Fleet.pipelineArn(ops);
        String name = NAME.format(ops.environment().clock().instant().atZone(java.time.ZoneOffset.UTC));
        var request = StartExecutionRequest.builder().stateMachineArn(arn).name(name).input("{}").build();
        StartExecutionResponse response = ops.calls().call("states:StartExecution", request,
                () -> ops.aws().sfn().startExecution(request),
                () -> StartExecutionResponse.builder().executionArn("<execution ARN>").build());
        ops.out().println("started " + name + ": " + response.executionArn());
        ops.out().println("follow it with: ./tth ops status   (or ./tth ops logs --since 15m)");
    }
}
