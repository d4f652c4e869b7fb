package com.tradethehype.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** What the user sees when AWS refuses, throttles or cannot be reached, and when settings or credentials are missing. */
class OpsErrorsTest {

    static final String ECS = OpsCommandsTest.ECS;

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

    @Test
    void throttlingIsRetriedAndThenSucceeds() {
        aws.fail(ECS + "UpdateService", 400, "ThrottlingException", "Rate exceeded").reply(ECS + "UpdateService", "{\"service\":{}}");

        Cli.Result result = cli.run("deploy");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(5, aws.requests().size(), "one throttled call retried, then four that pass: " + aws.operations());
    }

    @Test
    void persistentThrottlingStopsAfterTheConfiguredAttemptsWithAClearMessage() {
        aws.fail(ECS + "UpdateService", 400, "ThrottlingException", "Rate exceeded");

        Cli.Result result = cli.run("deploy");

        assertEquals(1, result.exitCode());
        assertEquals(3, aws.requests().size(), aws.operations().toString());
        assertEquals("tth-ops: ecs:UpdateService: AWS is throttling requests (ThrottlingException: Rate exceeded) after 3 "
                + "attempts; try again in a minute\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void anUnknownClusterIsNamedWithTheRegion() {
        aws.fail(ECS + "UpdateService", 400, "ClusterNotFoundException", "Cluster not found.");

        Cli.Result result = cli.run("deploy", "--stack", "demo");

        assertEquals(1, result.exitCode());
        assertEquals("tth-ops: cluster 'demo' not found in us-east-1: create the stack first (deploy/README.md) or pass "
                + "--stack NAME\n", result.err());
    }

    @Test
    void anUnknownServiceIsReported() {
        aws.reply("AnyScaleFrontendService.RegisterScalableTarget", "{}")
                .fail(ECS + "UpdateService", 400, "ServiceNotFoundException", "Service not found.");

        Cli.Result result = cli.run("scale", "up");

        assertEquals(1, result.exitCode());
        assertEquals("tth-ops: ecs:UpdateService: a service is missing from cluster 'tth' (Service not found.); is the stack "
                + "up to date?\n", result.err());
    }

    @Test
    void aMissingRuleIsReported() {
        aws.fail("AWSEvents.EnableRule", 400, "ResourceNotFoundException", "Rule tth-daily-pipeline does not exist.");

        Cli.Result result = cli.run("resume");

        assertEquals(1, result.exitCode());
        assertEquals("tth-ops: events:EnableRule: not found in stack 'tth' (us-east-1): Rule tth-daily-pipeline does not exist.\n",
                result.err());
    }

    @Test
    void anUnexpectedAwsErrorCarriesItsCodeAndMessage() {
        aws.fail(ECS + "UpdateService", 400, "AccessDeniedException", "User is not authorized to perform ecs:UpdateService");

        Cli.Result result = cli.run("deploy");

        assertEquals(1, result.exitCode());
        assertEquals("tth-ops: ecs:UpdateService failed: AccessDeniedException: User is not authorized to perform "
                + "ecs:UpdateService\n", result.err());
    }

    @Test
    void missingCredentialsAreExplainedBeforeAnyRequestIsSent() throws Exception {
        Path emptyConfig = Files.writeString(home.resolve("aws-credentials"), "");
        cli.credentials = ProfileCredentialsProvider.builder()
                .profileFile(ProfileFile.builder().content(emptyConfig).type(ProfileFile.Type.CREDENTIALS).build())
                .profileName("tth").build();

        Cli.Result result = cli.run("deploy");

        assertEquals(3, result.exitCode());
        assertTrue(result.err().startsWith("tth-ops: no AWS credentials for ecs:UpdateService: set AWS_PROFILE or "
                + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run `aws configure`"), result.err());
        assertEquals(List.of(), aws.requests());
    }

    @Test
    void aMissingRegionIsExplained() {
        cli.env.remove("TTH_OPS_REGION");

        Cli.Result result = cli.run("status");

        assertEquals(3, result.exitCode());
        assertEquals("tth-ops: no AWS region: pass --region, set AWS_REGION, or put region=... in "
                + home.resolve(".config/tth/ops.properties") + "\n", result.err());
    }

    @Test
    void anUnreachableEndpointIsReported() {
        cli.env.put("TTH_OPS_ENDPOINT", "http://127.0.0.1:1");

        Cli.Result result = cli.run("resume");

        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("tth-ops: events:EnableRule: cannot reach AWS in us-east-1: "), result.err());
    }

    @Test
    void theProfileFileSuppliesStackAndRegionAndFlagsWinOverIt() throws Exception {
        cli.env.remove("TTH_OPS_REGION");
        Path profile = Files.writeString(home.resolve("ops.properties"), "region=eu-west-1\nstack=demo\n");
        aws.reply("AWSEvents.EnableRule", "");

        Cli.Result fromFile = cli.run("resume", "--profile-file", profile.toString());
        Cli.Result flagWins = cli.run("resume", "--profile-file", profile.toString(), "--stack", "other");

        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertEquals("demo-daily-pipeline", aws.requests().get(0).json().get("Name").asText());
        assertTrue(aws.requests().get(0).authorization().contains("/eu-west-1/events/aws4_request"),
                aws.requests().get(0).authorization());
        assertEquals(0, flagWins.exitCode(), flagWins.err());
        assertEquals("other-daily-pipeline", aws.requests().get(1).json().get("Name").asText());
    }

    @Test
    void anExplicitProfileFileThatDoesNotExistIsAnError() {
        Cli.Result result = cli.run("status", "--profile-file", home.resolve("nope.properties").toString());

        assertEquals(3, result.exitCode());
        assertEquals("tth-ops: profile file " + home.resolve("nope.properties") + " does not exist\n", result.err());
    }

    @Test
    void dryRunPrintsTheCallsAndSendsNothing() {
        cli.env.remove("TTH_OPS_ENDPOINT");

        Cli.Result scale = cli.run("scale", "up", "--dry-run");
        Cli.Result trigger = cli.run("trigger", "--dry-run");
        Cli.Result teardown = cli.run("teardown", "--dry-run");

        assertEquals(0, scale.exitCode(), scale.err());
        assertTrue(scale.out().startsWith("[dry-run] application-autoscaling:RegisterScalableTarget RegisterScalableTargetRequest("
                + "ServiceNamespace=ecs, ResourceId=service/tth/sentiment-service, ScalableDimension=ecs:service:DesiredCount, "
                + "MinCapacity=1, MaxCapacity=3)\n"), scale.out());
        assertTrue(scale.out().contains("[dry-run] ecs:UpdateService UpdateServiceRequest(Cluster=tth, Service=api-gateway, "
                + "DesiredCount=1)\n"), scale.out());
        assertEquals(0, trigger.exitCode(), trigger.err());
        assertTrue(trigger.out().contains("[dry-run] states:StartExecution StartExecutionRequest(StateMachineArn=<state machine "
                + "ARN: target of rule tth-daily-pipeline>, Name=manual-20261201T090000Z, Input=*** Sensitive Data Redacted ***)"), trigger.out());
        assertEquals(0, teardown.exitCode(), teardown.err());
        assertTrue(teardown.out().contains("[dry-run] cloudformation:DeleteStack DeleteStackRequest(StackName=tth)"), teardown.out());
        assertEquals(List.of(), aws.requests());
    }
}
