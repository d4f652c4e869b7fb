package com.tradethehype.ops;

import static com.tradethehype.ops.FakeAws.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mutating and reading command against the loopback AWS endpoint: the exact calls sent and the output. */
class OpsCommandsTest {

    static final String ECS = "AmazonEC2ContainerServiceV20141113.";
    static final String EVENTS = "AWSEvents.";
    static final String SFN = "AWSStepFunctions.";
    static final String SQS = "AmazonSQS.";
    static final String LOGS = "Logs_20140328.";
    static final String SCALING = "AnyScaleFrontendService.";
    static final List<String> SERVICES = List.of("ingest-service", "sentiment-service", "digest-service", "api-gateway");
    static final String PIPELINE_ARN = "arn:aws:states:us-east-1:123456789012:stateMachine:tth-daily-pipeline";

    @TempDir
    Path home;
    FakeAws aws;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeAws();
        cli = Cli.against(aws, home);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    static void assertCall(FakeAws.Request request, String operation, String body) throws Exception {
        assertEquals(operation, request.operation());
        assertEquals(json(body), request.json(), operation);
    }

    private void assertUpdateServices(List<FakeAws.Request> requests, String extra) throws Exception {
        for (int i = 0; i < SERVICES.size(); i++) {
            assertCall(requests.get(i), ECS + "UpdateService",
                    "{\"cluster\":\"tth\",\"service\":\"" + SERVICES.get(i) + "\"," + extra + "}");
        }
    }

    @Test
    void scaleUpOpensSentimentScalingThenRunsEveryServiceAtOne() throws Exception {
        aws.reply(SCALING + "RegisterScalableTarget", "{}").reply(ECS + "UpdateService", "{\"service\":{}}");

        Cli.Result result = cli.run("scale", "up");

        assertEquals(0, result.exitCode(), result.err());
        List<FakeAws.Request> requests = aws.requests();
        assertEquals(5, requests.size());
        assertCall(requests.get(0), SCALING + "RegisterScalableTarget", "{\"ServiceNamespace\":\"ecs\","
                + "\"ResourceId\":\"service/tth/sentiment-service\",\"ScalableDimension\":\"ecs:service:DesiredCount\","
                + "\"MinCapacity\":1,\"MaxCapacity\":3}");
        assertUpdateServices(requests.subList(1, 5), "\"desiredCount\":1");
        assertTrue(requests.get(0).contentType().startsWith("application/x-amz-json-1.1"), requests.get(0).contentType());
        assertTrue(result.out().contains("api-gateway        desired count 1"), result.out());
        assertTrue(result.out().contains("profile: scaled up"), result.out());
    }

    @Test
    void scaleDownClosesSentimentScalingAndStopsEveryService() throws Exception {
        aws.reply(SCALING + "RegisterScalableTarget", "{}").reply(ECS + "UpdateService", "{\"service\":{}}");

        Cli.Result result = cli.run("scale", "down");

        assertEquals(0, result.exitCode(), result.err());
        List<FakeAws.Request> requests = aws.requests();
        assertCall(requests.get(0), SCALING + "RegisterScalableTarget", "{\"ServiceNamespace\":\"ecs\","
                + "\"ResourceId\":\"service/tth/sentiment-service\",\"ScalableDimension\":\"ecs:service:DesiredCount\","
                + "\"MinCapacity\":0,\"MaxCapacity\":0}");
        assertUpdateServices(requests.subList(1, 5), "\"desiredCount\":0");
        assertTrue(result.out().contains("profile: scaled down"), result.out());
    }

    @Test
    void scaleRejectsAnUnknownDirection() {
        Cli.Result result = cli.run("scale", "sideways");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("sideways"), result.err());
        assertEquals(List.of(), aws.requests());
    }

    @Test
    void pauseDisablesTheRuleAndStopsEverything() throws Exception {
        aws.reply(EVENTS + "DisableRule", "").reply(SCALING + "RegisterScalableTarget", "{}")
                .reply(ECS + "UpdateService", "{\"service\":{}}");

        Cli.Result result = cli.run("pause");

        assertEquals(0, result.exitCode(), result.err());
        List<FakeAws.Request> requests = aws.requests();
        assertCall(requests.get(0), EVENTS + "DisableRule", "{\"Name\":\"tth-daily-pipeline\"}");
        assertEquals(SCALING + "RegisterScalableTarget", requests.get(1).operation());
        assertUpdateServices(requests.subList(2, 6), "\"desiredCount\":0");
        assertTrue(result.out().contains("rule tth-daily-pipeline DISABLED"), result.out());
        assertTrue(result.out().contains("profile: paused"), result.out());
    }

    @Test
    void resumeEnablesTheRuleOnly() throws Exception {
        aws.reply(EVENTS + "EnableRule", "");

        Cli.Result result = cli.run("resume");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1, aws.requests().size());
        assertCall(aws.requests().get(0), EVENTS + "EnableRule", "{\"Name\":\"tth-daily-pipeline\"}");
        assertTrue(result.out().contains("rule tth-daily-pipeline ENABLED"), result.out());
    }

    @Test
    void triggerStartsTheStateMachineTheRuleTargets() throws Exception {
        aws.reply(EVENTS + "ListTargetsByRule", "{\"Targets\":[{\"Id\":\"daily-pipeline\",\"Arn\":\"" + PIPELINE_ARN + "\"}]}")
                .reply(SFN + "StartExecution", "{\"executionArn\":\"" + PIPELINE_ARN.replace("stateMachine", "execution")
                        + ":manual-20261201T090000Z\",\"startDate\":1.7645e9}");

        Cli.Result result = cli.run("trigger");

        assertEquals(0, result.exitCode(), result.err());
        List<FakeAws.Request> requests = aws.requests();
        assertCall(requests.get(0), EVENTS + "ListTargetsByRule", "{\"Rule\":\"tth-daily-pipeline\"}");
        assertCall(requests.get(1), SFN + "StartExecution", "{\"stateMachineArn\":\"" + PIPELINE_ARN
                + "\",\"name\":\"manual-20261201T090000Z\",\"input\":\"{}\"}");
        assertTrue(requests.get(1).contentType().startsWith("application/x-amz-json-1.0"), requests.get(1).contentType());
        assertTrue(result.out().contains("started manual-20261201T090000Z: arn:aws:states:us-east-1:123456789012:execution:"
                + "tth-daily-pipeline:manual-20261201T090000Z"), result.out());
    }

    @Test
    void triggerFailsClearlyWhenTheRuleHasNoPipelineTarget() {
        aws.reply(EVENTS + "ListTargetsByRule", "{\"Targets\":[]}");

        Cli.Result result = cli.run("trigger");

        assertEquals(1, result.exitCode());
        assertEquals("tth-ops: rule tth-daily-pipeline has no Step Functions target; is the stack up to date?\n", result.err());
    }

    @Test
    void deployForcesANewDeploymentOfEveryService() throws Exception {
        aws.reply(ECS + "UpdateService", "{\"service\":{}}");

        Cli.Result result = cli.run("deploy");

        assertEquals(0, result.exitCode(), result.err());
        assertUpdateServices(aws.requests(), "\"forceNewDeployment\":true");
        assertTrue(result.out().contains("digest-service     new deployment started"), result.out());
    }

    @Test
    void logsReadsOneServiceSinceTheGivenTimeFollowingPages() throws Exception {
        aws.reply(LOGS + "FilterLogEvents", "{\"events\":[{\"timestamp\":1796112000000,\"message\":\"ERROR digest failed\\n\"}],"
                        + "\"nextToken\":\"page-2\"}")
                .reply(LOGS + "FilterLogEvents", "{\"events\":[{\"timestamp\":1796112060000,\"message\":\"ERROR again\"}]}");

        Cli.Result result = cli.run("logs", "--service", "digest-service", "--since", "1h", "--grep", "ERROR");

        assertEquals(0, result.exitCode(), result.err());
        long start = Cli.NOW.toEpochMilli() - 3_600_000;
        List<FakeAws.Request> requests = aws.requests();
        assertCall(requests.get(0), LOGS + "FilterLogEvents", "{\"logGroupName\":\"/tth/tth/digest-service\",\"startTime\":"
                + start + ",\"filterPattern\":\"ERROR\",\"limit\":200}");
        assertCall(requests.get(1), LOGS + "FilterLogEvents", "{\"logGroupName\":\"/tth/tth/digest-service\",\"startTime\":"
                + start + ",\"filterPattern\":\"ERROR\",\"limit\":200,\"nextToken\":\"page-2\"}");
        assertEquals("2026-12-01 08:00:00Z digest-service    ERROR digest failed\n"
                + "2026-12-01 08:01:00Z digest-service    ERROR again\n"
                + "(2 events since 2026-12-01 08:00:00Z matching ERROR)\n", result.out());
    }

    @Test
    void logsWithoutAServiceMergesAllFourInTimeOrder() throws Exception {
        aws.reply(LOGS + "FilterLogEvents", "{\"events\":[{\"timestamp\":1796112120000,\"message\":\"late\"}]}")
                .reply(LOGS + "FilterLogEvents", "{\"events\":[{\"timestamp\":1796112000000,\"message\":\"early\"}]}")
                .reply(LOGS + "FilterLogEvents", "{\"events\":[]}");

        Cli.Result result = cli.run("logs");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(List.of("/tth/tth/ingest-service", "/tth/tth/sentiment-service", "/tth/tth/digest-service", "/tth/tth/api-gateway"),
                aws.requests().stream().map(r -> r.json().get("logGroupName").asText()).toList());
        assertEquals(Cli.NOW.toEpochMilli() - 600_000, aws.requests().get(0).json().get("startTime").asLong());
        assertTrue(result.out().startsWith("2026-12-01 08:00:00Z sentiment-service early\n"
                + "2026-12-01 08:02:00Z ingest-service    late\n"), result.out());
    }

    @Test
    void logsRejectsAnUnknownServiceAndABadSince() {
        assertEquals(2, cli.run("logs", "--service", "mailer").exitCode());
        Cli.Result since = cli.run("logs", "--since", "ten minutes");
        assertEquals(2, since.exitCode());
        assertTrue(since.err().contains("--since ten minutes: use a number and s, m, h or d"), since.err());
        assertEquals(List.of(), aws.requests());
    }

    @Test
    void scheduleRewritesTheRuleKeepingItsStateDescriptionAndRole() throws Exception {
        aws.reply(EVENTS + "DescribeRule", "{\"Name\":\"tth-daily-pipeline\",\"State\":\"DISABLED\",\"Description\":\"daily\","
                        + "\"ScheduleExpression\":\"cron(30 13 * * ? *)\",\"RoleArn\":\"arn:aws:iam::123456789012:role/r\"}")
                .reply(EVENTS + "PutRule", "{\"RuleArn\":\"arn:aws:events:us-east-1:123456789012:rule/tth-daily-pipeline\"}");

        Cli.Result result = cli.run("schedule", "cron(0 14 * * ? *)");

        assertEquals(0, result.exitCode(), result.err());
        assertCall(aws.requests().get(0), EVENTS + "DescribeRule", "{\"Name\":\"tth-daily-pipeline\"}");
        assertCall(aws.requests().get(1), EVENTS + "PutRule", "{\"Name\":\"tth-daily-pipeline\",\"ScheduleExpression\":"
                + "\"cron(0 14 * * ? *)\",\"State\":\"DISABLED\",\"Description\":\"daily\",\"RoleArn\":\"arn:aws:iam::123456789012:role/r\"}");
        assertTrue(result.out().contains("rule tth-daily-pipeline: cron(30 13 * * ? *) -> cron(0 14 * * ? *) (state kept: DISABLED)"), result.out());
        assertTrue(result.out().contains("runs at 14:00 UTC = 07:00 America/Phoenix"), result.out());
    }

    @Test
    void scheduleRejectsWhatEventBridgeWouldRejectWithoutCallingIt() {
        Cli.Result fiveFields = cli.run("schedule", "cron(30 13 * * *)");
        Cli.Result noQuestionMark = cli.run("schedule", "cron(30 13 * * * *)");

        assertEquals(2, fiveFields.exitCode());
        assertTrue(fiveFields.err().contains("six fields"), fiveFields.err());
        assertEquals(2, noQuestionMark.exitCode());
        assertTrue(noQuestionMark.err().contains("'?'"), noQuestionMark.err());
        assertEquals(List.of(), aws.requests());
    }

    @Test
    void redriveMovesOnlyTheDeadLetterQueuesThatHoldMessages() throws Exception {
        aws.reply(SQS + "GetQueueUrl", "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/tth-articles-ingested-dlq\"}")
                .reply(SQS + "GetQueueUrl", "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/tth-articles-scored-dlq\"}")
                .reply(SQS + "GetQueueAttributes", "{\"Attributes\":{\"QueueArn\":\"arn:aws:sqs:us-east-1:123456789012:tth-articles-ingested-dlq\","
                        + "\"ApproximateNumberOfMessages\":\"7\"}}")
                .reply(SQS + "GetQueueAttributes", "{\"Attributes\":{\"QueueArn\":\"arn:aws:sqs:us-east-1:123456789012:tth-articles-scored-dlq\","
                        + "\"ApproximateNumberOfMessages\":\"0\"}}")
                .reply(SQS + "StartMessageMoveTask", "{\"TaskHandle\":\"handle-1\"}");

        Cli.Result result = cli.run("redrive");

        assertEquals(0, result.exitCode(), result.err());
        List<FakeAws.Request> r = aws.requests();
        assertEquals(5, r.size(), aws.operations().toString());
        assertCall(r.get(0), SQS + "GetQueueUrl", "{\"QueueName\":\"tth-articles-ingested-dlq\"}");
        assertCall(r.get(1), SQS + "GetQueueAttributes", "{\"QueueUrl\":\"https://sqs.us-east-1.amazonaws.com/123456789012/"
                + "tth-articles-ingested-dlq\",\"AttributeNames\":[\"QueueArn\",\"ApproximateNumberOfMessages\"]}");
        assertCall(r.get(2), SQS + "StartMessageMoveTask", "{\"SourceArn\":\"arn:aws:sqs:us-east-1:123456789012:tth-articles-ingested-dlq\"}");
        assertCall(r.get(3), SQS + "GetQueueUrl", "{\"QueueName\":\"tth-articles-scored-dlq\"}");
        assertEquals(SQS + "GetQueueAttributes", r.get(4).operation());
        assertTrue(r.get(0).contentType().startsWith("application/x-amz-json-1.0"), r.get(0).contentType());
        assertEquals("tth-articles-ingested-dlq  7 messages moving back to tth-articles-ingested (task handle-1)\n"
                + "tth-articles-scored-dlq    empty, nothing to move\n", result.out());
    }

    @Test
    void teardownDeletesTheStackOnlyAfterTheNameIsTyped() {
        aws.reply("cloudformation:DeleteStack", "<DeleteStackResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
                + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></DeleteStackResponse>");
        cli.stdin = "tth\n";

        Cli.Result result = cli.run("teardown");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(1, aws.requests().size());
        assertEquals("cloudformation:DeleteStack", aws.requests().get(0).operation());
        assertEquals("tth", aws.requests().get(0).form().get("StackName"));
        assertEquals("2010-05-15", aws.requests().get(0).form().get("Version"));
        assertTrue(result.out().contains("Type the stack name to confirm: "), result.out());
        assertTrue(result.out().contains("deletion of stack 'tth' started"), result.out());
    }

    @Test
    void teardownDeletesNothingWithoutTheRightAnswer() {
        cli.stdin = "yes\n";

        Cli.Result typedYes = cli.run("teardown");
        Cli.Result wrongFlag = cli.run("teardown", "--yes", "prod");

        assertEquals(4, typedYes.exitCode());
        assertEquals("tth-ops: not confirmed (expected 'tth'); nothing deleted\n", typedYes.err());
        assertEquals(4, wrongFlag.exitCode());
        assertEquals(List.of(), aws.requests());
    }

    @Test
    void statusShowsServicesScheduleQueuesLastRunAndProfile() throws Exception {
        String service = "{\"serviceName\":\"%s\",\"desiredCount\":0,\"runningCount\":0,\"pendingCount\":0,"
                + "\"taskDefinition\":\"arn:aws:ecs:us-east-1:123456789012:task-definition/tth-%s:4\"}";
        aws.reply(ECS + "DescribeServices", "{\"services\":[" + String.join(",",
                        SERVICES.stream().map(s -> String.format(service, s, s)).toList()) + "],\"failures\":[]}")
                .reply(EVENTS + "DescribeRule", "{\"Name\":\"tth-daily-pipeline\",\"State\":\"ENABLED\",\"ScheduleExpression\":\"cron(30 13 * * ? *)\"}")
                .reply(SQS + "GetQueueUrl", "{\"QueueUrl\":\"https://sqs/q\"}")
                .reply(SQS + "GetQueueAttributes", "{\"Attributes\":{\"ApproximateNumberOfMessages\":\"12\",\"ApproximateNumberOfMessagesNotVisible\":\"3\"}}")
                .reply(SQS + "GetQueueAttributes", "{\"Attributes\":{\"ApproximateNumberOfMessages\":\"0\",\"ApproximateNumberOfMessagesNotVisible\":\"0\"}}")
                .reply(EVENTS + "ListTargetsByRule", "{\"Targets\":[{\"Id\":\"daily-pipeline\",\"Arn\":\"" + PIPELINE_ARN + "\"}]}")
                .reply(SFN + "ListExecutions", "{\"executions\":[{\"executionArn\":\"e1\",\"stateMachineArn\":\"" + PIPELINE_ARN
                        + "\",\"name\":\"run-2\",\"status\":\"FAILED\",\"startDate\":1764595800,\"stopDate\":1764596400}]}")
                .reply(SFN + "ListExecutions", "{\"executions\":[{\"executionArn\":\"e0\",\"stateMachineArn\":\"" + PIPELINE_ARN
                        + "\",\"name\":\"run-1\",\"status\":\"SUCCEEDED\",\"startDate\":1764509400,\"stopDate\":1764510000}]}");

        Cli.Result result = cli.run("status");

        assertEquals(0, result.exitCode(), result.err());
        List<FakeAws.Request> r = aws.requests();
        assertCall(r.get(0), ECS + "DescribeServices", "{\"cluster\":\"tth\",\"services\":" + JSON.writeValueAsString(SERVICES) + "}");
        assertCall(r.get(1), EVENTS + "DescribeRule", "{\"Name\":\"tth-daily-pipeline\"}");
        assertEquals(List.of("tth-articles-ingested", "tth-articles-ingested-dlq", "tth-articles-scored", "tth-articles-scored-dlq"),
                r.stream().filter(x -> x.operation().equals(SQS + "GetQueueUrl")).map(x -> x.json().get("QueueName").asText()).toList());
        assertCall(r.get(3), SQS + "GetQueueAttributes", "{\"QueueUrl\":\"https://sqs/q\",\"AttributeNames\":"
                + "[\"ApproximateNumberOfMessages\",\"ApproximateNumberOfMessagesNotVisible\"]}");
        assertCall(r.get(11), SFN + "ListExecutions", "{\"stateMachineArn\":\"" + PIPELINE_ARN + "\",\"maxResults\":1}");
        assertCall(r.get(12), SFN + "ListExecutions", "{\"stateMachineArn\":\"" + PIPELINE_ARN
                + "\",\"statusFilter\":\"SUCCEEDED\",\"maxResults\":1}");
        assertEquals("""
                stack tth in us-east-1
                service            desired running pending  task definition
                ingest-service           0       0       0  tth-ingest-service:4
                sentiment-service        0       0       0  tth-sentiment-service:4
                digest-service           0       0       0  tth-digest-service:4
                api-gateway              0       0       0  tth-api-gateway:4
                daily pipeline     ENABLED  cron(30 13 * * ? *)
                queue                       visible in flight
                tth-articles-ingested            12         3
                tth-articles-ingested-dlq         0         0
                tth-articles-scored               0         0
                tth-articles-scored-dlq           0         0
                last pipeline run  run-2 FAILED started 2025-12-01T13:30:00Z stopped 2025-12-01T13:40:00Z
                last digest        run-1 SUCCEEDED started 2025-11-30T13:30:00Z stopped 2025-11-30T13:40:00Z
                profile            scaled down
                """, result.out());
    }

    @Test
    void statusNamesServicesMissingFromTheCluster() throws Exception {
        aws.reply(ECS + "DescribeServices", "{\"services\":[],\"failures\":[{\"arn\":\"arn:aws:ecs:us-east-1:1:service/tth/ingest-service\","
                        + "\"reason\":\"MISSING\"}]}")
                .reply(EVENTS + "DescribeRule", "{\"Name\":\"tth-daily-pipeline\",\"State\":\"ENABLED\",\"ScheduleExpression\":\"cron(30 13 * * ? *)\"}")
                .reply(SQS + "GetQueueUrl", "{\"QueueUrl\":\"https://sqs/q\"}")
                .reply(SQS + "GetQueueAttributes", "{\"Attributes\":{}}")
                .reply(EVENTS + "ListTargetsByRule", "{\"Targets\":[{\"Id\":\"daily-pipeline\",\"Arn\":\"" + PIPELINE_ARN + "\"}]}")
                .reply(SFN + "ListExecutions", "{\"executions\":[]}");

        Cli.Result result = cli.run("status");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("ingest-service     MISSING (MISSING)"), result.out());
        assertTrue(result.out().contains("last pipeline run  none"), result.out());
        assertTrue(result.out().contains("profile            unknown (services missing)"), result.out());
    }
}
