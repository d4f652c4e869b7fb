package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import com.tradethehype.ops.OpsException;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackRequest;
import software.amazon.awssdk.services.cloudformation.model.DeleteStackResponse;

/** teardown: delete the whole stack, after the user types its name (or passes --yes=NAME in a script). */
@Command(name = "teardown", description = "Delete the stack: services, queues and their messages, images, logs (not the database)")
public class TeardownCommand extends OpsCommandBase {

    @Option(names = "--yes", paramLabel = "STACK", description = "Confirm without a prompt by naming the stack")
    String confirmed;

    @Override
    void run(Ops ops) {
        String stack = ops.settings().stack();
        ops.out().println("This deletes stack '" + stack + "' in " + ops.settings().region() + ": the four services, the "
                + "pipeline, the queues with every message in them, the images in ECR and the logs.");
        ops.out().println("The database (outside the stack) and the SSM parameters are not touched.");
        if (!ops.calls().dryRun()) {
            String answer = confirmed;
            if (answer == null) {
                ops.out().print("Type the stack name to confirm: ");
                ops.out().flush();
                answer = readLine(ops);
            }
            if (!stack.equals(answer == null ? null : answer.trim())) {
                throw new OpsException(OpsException.NOT_CONFIRMED, "not confirmed (expected '" + stack + "'); nothing deleted");
            }
        }
        var request = DeleteStackRequest.builder().stackName(stack).build();
        ops.calls().call("cloudformation:DeleteStack", request, () -> ops.aws().cloudFormation().deleteStack(request),
                () -> DeleteStackResponse.builder().build());
        ops.out().println("deletion of stack '" + stack + "' started; it takes a few minutes (aws cloudformation wait stack-delete-complete --stack-name " + stack + ")");
    }

    private static String readLine(Ops ops) {
        try {
            return ops.environment().stdin().readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
