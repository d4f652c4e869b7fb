package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import com.tradethehype.ops.OpsException;
import com.tradethehype.ops.aws.Stack;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetRequest;
import software.amazon.awssdk.services.applicationautoscaling.model.RegisterScalableTargetResponse;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableDimension;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.ecs.model.UpdateServiceResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;

/** The calls several commands share: service counts, sentiment's scaling range, the pipeline's ARN. */
final class Fleet {

    private Fleet() {
    }

    static void setDesiredCount(Ops ops, int count) {
        for (String service : Stack.SERVICES) {
            var request = UpdateServiceRequest.builder().cluster(ops.settings().stack()).service(service).desiredCount(count).build();
            ops.calls().call("ecs:UpdateService", request, () -> ops.aws().ecs().updateService(request),
                    () -> UpdateServiceResponse.builder().build());
            ops.out().printf("%-18s desired count %d%n", service, count);
        }
    }

    /** Sets the range queue-depth scaling may move sentiment in (0..0 keeps it from starting workers). */
    static void setSentimentWorkers(Ops ops, int min, int max) {
        var request = RegisterScalableTargetRequest.builder()
                .serviceNamespace(ServiceNamespace.ECS)
                .scalableDimension(ScalableDimension.ECS_SERVICE_DESIRED_COUNT)
                .resourceId("service/" + ops.settings().stack() + "/" + Stack.SENTIMENT)
                .minCapacity(min).maxCapacity(max).build();
        ops.calls().call("application-autoscaling:RegisterScalableTarget", request,
                () -> ops.aws().autoScaling().registerScalableTarget(request),
                () -> RegisterScalableTargetResponse.builder().build());
        ops.out().printf("%-18s queue-depth scaling %d..%d workers%n", Stack.SENTIMENT, min, max);
    }

    /** The state machine the daily rule starts (its one Step Functions target). */
    static String pipelineArn(Ops ops) {
        String rule = ops.settings().ruleName();
        var request = ListTargetsByRuleRequest.builder().rule(rule).build();
        ListTargetsByRuleResponse response = ops.calls().call("events:ListTargetsByRule", request,
                () -> ops.aws().events().listTargetsByRule(request),
                () -> ListTargetsByRuleResponse.builder()
                        .targets(Target.builder().arn("<state machine ARN: target of rule " + rule + ">").build()).build());
        return response.targets().stream().map(Target::arn).filter(arn -> arn.contains(":states:") || arn.startsWith("<"))
                .findFirst()
                .orElseThrow(() -> new OpsException(OpsException.AWS, "rule " + rule + " has no Step Functions target; "
                        + "is the stack up to date?"));
    }
}
