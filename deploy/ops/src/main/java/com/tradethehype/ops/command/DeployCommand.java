package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import com.tradethehype.ops.aws.Stack;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;

/**
 * deploy: after pushing images with the stack's tag, replace the running tasks. One-shot pipeline tasks need nothing:
 * each run pulls the tag afresh.
 */
@Command(name = "deploy", description = "Force a new deployment of the services (after pushing new images)")
public class DeployCommand extends OpsCommandBase {

    @Override
    void run(Ops ops) {
        for (String service : Stack.SERVICES) {
            var request = UpdateServiceRequest.builder().cluster(ops.settings().stack()).service(service)
                    .forceNewDeployment(true).build();
            ops.calls().call("ecs:UpdateService", request, () -> ops.aws().ecs().updateService(request),
                    () -> UpdateServiceResponse.builder().build());
            ops.out().printf("%-18s new deployment started%n", service);
        }
        ops.out().println("services at 0 just record the deployment; the daily pipeline pulls the new images on its next run");
    }
}
