package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import com.tradethehype.ops.aws.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.ListExecutionsRequest;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * status: services (desired/running, task definition), the daily rule, queue and DLQ depths, the last pipeline
 * run, the last digest (= the last pipeline run that succeeded: send-digest is its last step), and the profile.
 */
@Command(name = "status", description = "Services, schedule, queues, last pipeline run and digest, current profile")
public class StatusCommand extends OpsCommandBase {

    @Override
    void run(Ops ops) {
        String stack = ops.settings().stack();
        ops.out().println("stack " + stack + " in " + ops.settings().region());
        var services = DescribeServicesRequest.builder().cluster(stack).services(Stack.SERVICES).build();
        DescribeServicesResponse described = ops.calls().call("ecs:DescribeServices", services,
                () -> ops.aws().ecs().describeServices(services), () -> DescribeServicesResponse.builder().build());
        ops.out().printf("%-18s %7s %7s %7s  %s%n", "service", "desired", "running", "pending", "task definition");
        List<Integer> desired = new ArrayList<>();
        for (Service s : described.services()) {
            desired.add(s.desiredCount());
            ops.out().printf("%-18s %7d %7d %7d  %s%n", s.serviceName(), s.desiredCount(), s.runningCount(),
                    s.pendingCount(), shortTaskDefinition(s.taskDefinition()));
        }
        for (Failure f : described.failures()) {
            ops.out().printf("%-18s %s (%s)%n", name(f.arn()), "MISSING", f.reason());
        }

        String rule = ops.settings().ruleName();
        var ruleRequest = DescribeRuleRequest.builder().name(rule).build();
        DescribeRuleResponse ruleState = ops.calls().call("events:DescribeRule", ruleRequest,
                () -> ops.aws().events().describeRule(ruleRequest),
                () -> DescribeRuleResponse.builder().name(rule).state("?").scheduleExpression("?").build());
        ops.out().println("daily pipeline     " + ruleState.stateAsString() + "  " + ruleState.scheduleExpression());

        ops.out().printf("%-26s %8s %9s%n", "queue", "visible", "in flight");
        for (String queue : Stack.QUEUES) {
            printDepth(ops, queue);
            printDepth(ops, Stack.deadLetterOf(queue));
        }

        String pipeline = Fleet.pipelineArn(ops);
        ops.out().println("last pipeline run  " + describe(lastExecution(ops, pipeline, null)));
        ops.out().println("last digest        " + describe(lastExecution(ops, pipeline, ExecutionStatus.SUCCEEDED)));
        ops.out().println("profile            " + profile(desired, ruleState.stateAsString(), described.failures().isEmpty()));
    }

    private static void printDepth(Ops ops, String queue) {
        var urlRequest = GetQueueUrlRequest.builder().queueName(queue).build();
        String url = ops.calls().call("sqs:GetQueueUrl", urlRequest, () -> ops.aws().sqs().getQueueUrl(urlRequest),
                () -> GetQueueUrlResponse.builder().queueUrl("<url of " + queue + ">").build()).queueUrl();
        var request = GetQueueAttributesRequest.builder().queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE).build();
        Map<String, String> attributes = ops.calls().call("sqs:GetQueueAttributes", request,
                () -> ops.aws().sqs().getQueueAttributes(request), () -> GetQueueAttributesResponse.builder().build())
                .attributesAsStrings();
        ops.out().printf("%-26s %8s %9s%n", queue, attributes.getOrDefault("ApproximateNumberOfMessages", "?"),
                attributes.getOrDefault("ApproximateNumberOfMessagesNotVisible", "?"));
    }

    private static ExecutionListItem lastExecution(Ops ops, String pipeline, ExecutionStatus status) {
        var request = ListExecutionsRequest.builder().stateMachineArn(pipeline).statusFilter(status).maxResults(1).build();
        ListExecutionsResponse response = ops.calls().call("states:ListExecutions", request,
                () -> ops.aws().sfn().listExecutions(request), () -> ListExecutionsResponse.builder().build());
        return response.executions().isEmpty() ? null : response.executions().get(0);
    }

    private static String describe(ExecutionListItem e) {
        if (e == null) {
            return "none";
        }
        return e.name() + " " + e.statusAsString() + " started " + e.startDate()
                + (e.stopDate() == null ? "" : " stopped " + e.stopDate());
    }

    static String profile(List<Integer> desired, String ruleState, boolean complete) {
        if (!complete || desired.isEmpty()) {
            return "unknown (services missing)";
        }
        boolean allZero = desired.stream().allMatch(d -> d == 0);
        boolean allUp = desired.stream().allMatch(d -> d >= 1);
        if (allZero) {
            return "DISABLED".equals(ruleState) ? "paused" : "scaled down";
        }
        return allUp ? "scaled up" : "mixed (some services at 0)";
    }

    private static String shortTaskDefinition(String arn) {
        return arn == null ? "-" : arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String name(String arn) {
        return arn == null ? "?" : arn.substring(arn.lastIndexOf('/') + 1);
    }
}
