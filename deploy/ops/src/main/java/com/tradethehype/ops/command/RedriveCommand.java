package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import com.tradethehype.ops.aws.Stack;
import java.util.Map;
import picocli.CommandLine.Command;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskRequest;
import software.amazon.awssdk.services.sqs.model.StartMessageMoveTaskResponse;

/** redrive: after a fix, move every dead-lettered message back to the queue it came from (SQS message move task). */
@Command(name = "redrive", description = "Move the messages in each DLQ back to its source queue")
public class RedriveCommand extends OpsCommandBase {

    @Override
    void run(Ops ops) {
        for (String queue : Stack.QUEUES) {
            String dlq = Stack.deadLetterOf(queue);
            var urlRequest = GetQueueUrlRequest.builder().queueName(dlq).build();
            String url = ops.calls().call("sqs:GetQueueUrl", urlRequest, () -> ops.aws().sqs().getQueueUrl(urlRequest),
                    () -> GetQueueUrlResponse.builder().queueUrl("<url of " + dlq + ">").build()).queueUrl();
            var attributesRequest = GetQueueAttributesRequest.builder().queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES).build();
            Map<String, String> attributes = ops.calls().call("sqs:GetQueueAttributes", attributesRequest,
                    () -> ops.aws().sqs().getQueueAttributes(attributesRequest),
                    () -> GetQueueAttributesResponse.builder().attributesWithStrings(Map.of(
                            "QueueArn", "<ARN of " + dlq + ">", "ApproximateNumberOfMessages", "?")).build())
                    .attributesAsStrings();
            String waiting = attributes.getOrDefault("ApproximateNumberOfMessages", "0");
            if ("0".equals(waiting)) {
                ops.out().printf("%-26s empty, nothing to move%n", dlq);
                continue;
            }
            var move = StartMessageMoveTaskRequest.builder().sourceArn(attributes.get("QueueArn")).build();
            StartMessageMoveTaskResponse started = ops.calls().call("sqs:StartMessageMoveTask", move,
                    () -> ops.aws().sqs().startMessageMoveTask(move),
                    () -> StartMessageMoveTaskResponse.builder().taskHandle("<task handle>").build());
            ops.out().printf("%-26s %s messages moving back to %s (task %s)%n", dlq, waiting, queue, started.taskHandle());
        }
    }
}
