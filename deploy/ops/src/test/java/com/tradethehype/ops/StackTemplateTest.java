package com.tradethehype.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradethehype.ops.aws.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** deploy/aws/tth-stack.yaml: references, schedule, pipeline steps, queues, secrets, IAM, and the names tth-ops uses. */
@SuppressWarnings("unchecked")
class StackTemplateTest {

    static final Path TEMPLATE = Path.of("../aws/tth-stack.yaml");
    /** Actions without resource-level permissions, where AWS requires Resource "*". */
    static final Set<String> STAR_ONLY_ACTIONS = Set.of("ecr:GetAuthorizationToken");

    static String text;
    static Map<String, Object> template;
    static Map<String, Object> parameters;
    static Map<String, Object> resources;

    @BeforeAll
    static void load() throws Exception {
        text = Files.readString(TEMPLATE);
        template = new Yaml().load(text);
        parameters = (Map<String, Object>) template.get("Parameters");
        resources = (Map<String, Object>) template.get("Resources");
    }

    static Map<String, Object> resource(String id) {
        Map<String, Object> r = (Map<String, Object>) resources.get(id);
        assertNotNull(r, "resource " + id);
        return r;
    }

    static Map<String, Object> props(String id) {
        return (Map<String, Object>) resource(id).get("Properties");
    }

    static List<String> ofType(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(((Map<String, Object>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void usesLongFormIntrinsicsSoAnyYamlParserReadsIt() {
        Matcher shortTag = Pattern.compile("(^|[\\s\\[{,:])!(Ref|Sub|GetAtt|Join|If|Equals|Select|Split|FindInMap|Base64|Cidr"
                + "|ImportValue|GetAZs|Not|And|Or|Condition)\\b", Pattern.MULTILINE).matcher(text);
        assertFalse(shortTag.find(), () -> "short-form tag " + shortTag.group());
    }

    @Test
    void everyReferenceResolves() {
        Set<String> known = new HashSet<>(parameters.keySet());
        known.addAll(resources.keySet());
        Set<String> conditions = ((Map<String, Object>) template.get("Conditions")).keySet();
        List<String> unresolved = new ArrayList<>();
        walk(template, Set.of(), known, conditions, unresolved);
        assertEquals(List.of(), unresolved);
    }

    private static void walk(Object node, Set<String> subVars, Set<String> known, Set<String> conditions, List<String> bad) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object value = e.getValue();
                switch (key) {
                    case "Ref" -> {
                        if (!isKnown(String.valueOf(value), known)) {
                            bad.add("Ref " + value);
                        }
                    }
                    case "Fn::GetAtt" -> {
                        String id = String.valueOf(((List<Object>) value).get(0));
                        if (!resources.containsKey(id)) {
                            bad.add("GetAtt " + id);
                        }
                    }
                    case "Fn::Sub" -> {
                        String body;
                        Set<String> vars = new HashSet<>(subVars);
                        if (value instanceof List<?> list) {
                            body = String.valueOf(list.get(0));
                            vars.addAll(((Map<String, Object>) list.get(1)).keySet());
                            walk(list.get(1), subVars, known, conditions, bad);
                        } else {
                            body = String.valueOf(value);
                        }
                        Matcher m = Pattern.compile("\\$\\{([^!}][^}]*)}").matcher(body);
                        while (m.find()) {
                            String name = m.group(1).split("\\.")[0];
                            boolean attribute = m.group(1).contains(".") && !m.group(1).startsWith("AWS::");
                            if (!vars.contains(name) && !(attribute ? resources.containsKey(name) : isKnown(name, known))) {
                                bad.add("Sub ${" + m.group(1) + "}");
                            }
                        }
                    }
                    case "Fn::If" -> {
                        String condition = String.valueOf(((List<Object>) value).get(0));
                        if (!conditions.contains(condition)) {
                            bad.add("If " + condition);
                        }
                        walk(value, subVars, known, conditions, bad);
                    }
                    case "DependsOn" -> {
                        for (Object id : value instanceof List<?> l ? l : List.of(value)) {
                            if (!resources.containsKey(String.valueOf(id))) {
                                bad.add("DependsOn " + id);
                            }
                        }
                    }
                    default -> walk(value, subVars, known, conditions, bad);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walk(item, subVars, known, conditions, bad));
        }
    }

    private static boolean isKnown(String name, Set<String> known) {
        return known.contains(name) || Set.of("AWS::StackName", "AWS::Region", "AWS::AccountId", "AWS::Partition",
                "AWS::URLSuffix", "AWS::StackId", "AWS::NoValue").contains(name);
    }

    @Test
    void theDailyRuleStartsThePipelineAt0630Phoenix() {
        Map<String, Object> schedule = (Map<String, Object>) parameters.get("ScheduleExpression");
        assertEquals("cron(30 13 * * ? *)", schedule.get("Default"));
        assertEquals(List.of("AWS::Events::Rule"), ofType("AWS::Events::Rule").stream().map(id -> (String) resource(id).get("Type")).toList());
        Map<String, Object> rule = props("DailyPipelineRule");
        assertEquals(Map.of("Ref", "ScheduleExpression"), rule.get("ScheduleExpression"));
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-daily-pipeline"), rule.get("Name"));
        Map<String, Object> target = ((List<Map<String, Object>>) rule.get("Targets")).get(0);
        assertEquals(Map.of("Ref", "Pipeline"), target.get("Arn"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ScheduleRole", "Arn")), target.get("RoleArn"));
    }

    /** The state machine definition after CloudFormation's Fn::Sub, with sample values for the references. */
    static JsonNode pipelineDefinition() throws Exception {
        List<Object> sub = (List<Object>) ((Map<String, Object>) props("Pipeline").get("DefinitionString")).get("Fn::Sub");
        String body = (String) sub.get(0);
        Map<String, Object> vars = (Map<String, Object>) sub.get(1);
        assertEquals(Set.of("Subnets", "SecurityGroups"), vars.keySet());
        String json = body.replace("${Subnets}", "subnet-a\",\"subnet-b").replace("${SecurityGroups}", "sg-1")
                .replace("${AWS::Partition}", "aws").replace("${Cluster.Arn}", "arn:aws:ecs:us-east-1:1:cluster/tth")
                .replace("${AssignPublicIp}", "ENABLED");
        for (String td : List.of("IngestTaskDefinition", "SentimentTaskDefinition", "DigestTaskDefinition")) {
            json = json.replace("${" + td + "}", "TD:" + td);
        }
        assertFalse(json.contains("${"), json);
        return FakeAws.JSON.readTree(json);
    }

    @Test
    void thePipelineRunsIngestSentimentDigestInOrderWithTheirCommands() throws Exception {
        JsonNode definition = pipelineDefinition();
        assertEquals("Ingest", definition.get("StartAt").asText());
        List<String[]> steps = List.of(new String[] {"Ingest", "IngestTaskDefinition", "ingest-service", "poll-once", "Sentiment"},
                new String[] {"Sentiment", "SentimentTaskDefinition", "sentiment-service", "drain", "Digest"},
                new String[] {"Digest", "DigestTaskDefinition", "digest-service", "send-digest", null});
        assertEquals(3, definition.get("States").size());
        for (String[] step : steps) {
            JsonNode state = definition.get("States").get(step[0]);
            assertEquals("Task", state.get("Type").asText());
            assertEquals("arn:aws:states:::ecs:runTask.sync", state.get("Resource").asText(), "waits for the task to stop");
            JsonNode p = state.get("Parameters");
            assertEquals("TD:" + step[1], p.get("TaskDefinition").asText());
            assertEquals("FARGATE", p.get("LaunchType").asText());
            assertEquals(2, p.at("/NetworkConfiguration/AwsvpcConfiguration/Subnets").size(), "the subnet list is spliced in");
            JsonNode override = p.at("/Overrides/ContainerOverrides/0");
            assertEquals(step[2], override.get("Name").asText());
            assertEquals(step[2], containerName(step[1]), "the override names the task's container");
            assertEquals(List.of(step[3]), List.of(override.get("Command").get(0).asText()));
            assertEquals(1, override.get("Command").size());
            if (step[0].equals("Sentiment")) {
                // a short-lived drain JVM spent most of its CPU in C2 (bench/results/sentiment-serving-2026-12-02.md)
                assertEquals(FakeAws.JSON.readTree("[{\"Name\": \"JAVA_OPTS_APPEND\", \"Value\": \"-XX:TieredStopAtLevel=1\"}]"),
                        override.get("Environment"), "the drain task compiles with C1 only");
            } else {
                assertTrue(override.get("Environment") == null, step[0] + " overrides no environment");
            }
            assertTrue(state.get("Catch") == null, "a failed step fails the run");
            if (step[4] == null) {
                assertTrue(state.get("End").asBoolean());
            } else {
                assertEquals(step[4], state.get("Next").asText());
            }
        }
    }

    static String containerName(String taskDefinition) {
        return (String) ((List<Map<String, Object>>) props(taskDefinition).get("ContainerDefinitions")).get(0).get("Name");
    }

    @Test
    void everyQueueHasADeadLetterTwinAfterFiveReceives() {
        Map<String, String> nameOf = new java.util.HashMap<>();
        for (String id : ofType("AWS::SQS::Queue")) {
            nameOf.put(id, (String) props(id).get("QueueName"));
        }
        Set<String> work = new TreeSet<>();
        for (String id : nameOf.keySet()) {
            String name = nameOf.get(id);
            if (name.endsWith("-dlq")) {
                continue;
            }
            work.add(name);
            Map<String, Object> redrive = (Map<String, Object>) props(id).get("RedrivePolicy");
            assertNotNull(redrive, name + " has no DLQ");
            assertEquals(5, redrive.get("maxReceiveCount"), name);
            String dlqId = (String) ((List<Object>) ((Map<String, Object>) redrive.get("deadLetterTargetArn")).get("Fn::GetAtt")).get(0);
            assertEquals(Stack.deadLetterOf(name), nameOf.get(dlqId), name + " dead-letters to its -dlq twin");
        }
        assertEquals(new TreeSet<>(Stack.QUEUES), work, "the queues of contracts/Queues");
        assertEquals(2 * Stack.QUEUES.size(), nameOf.size());
    }

    @Test
    void noSecretValueAppearsAndSecretsComeFromSsm() {
        assertFalse(Pattern.compile("://[^/\\s:@\"]+:[^@\\s\"]+@").matcher(text).find(), "credentials in a URL");
        assertFalse(Pattern.compile("AKIA[0-9A-Z]{16}").matcher(text).find(), "an access key id");
        assertFalse(Pattern.compile("-----BEGIN").matcher(text).find(), "a key or certificate");
        for (Map.Entry<String, Object> p : parameters.entrySet()) {
            Map<String, Object> parameter = (Map<String, Object>) p.getValue();
            if (p.getKey().matches("(?i).*(password|secret|jwt|database|token).*")) {
                assertTrue(p.getKey().endsWith("Parameter"), p.getKey() + " must be the name of an SSM parameter, not the value");
                assertTrue(String.valueOf(parameter.get("Default")).startsWith("/tth/"), p.getKey());
            }
        }
        Set<String> secretNames = new TreeSet<>();
        for (String id : ofType("AWS::ECS::TaskDefinition")) {
            for (Map<String, Object> container : (List<Map<String, Object>>) props(id).get("ContainerDefinitions")) {
                for (Map<String, Object> env : (List<Map<String, Object>>) container.getOrDefault("Environment", List.of())) {
                    String name = String.valueOf(env.get("Name"));
                    // *_FILE variables name where a secret is written (TTH_JWT_KEY_FILE), never the secret itself
                    assertFalse(name.matches(".*(PASSWORD|SECRET|KEY|TOKEN|DB_URL).*") && !name.endsWith("_FILE"),
                            id + " passes " + name + " in plain environment");
                }
                for (Map<String, Object> secret : (List<Map<String, Object>>) container.getOrDefault("Secrets", List.of())) {
                    secretNames.add(String.valueOf(secret.get("Name")));
                    String from = String.valueOf(((Map<String, Object>) secret.get("ValueFrom")).get("Fn::Sub"));
                    assertTrue(from.matches("arn:\\$\\{AWS::Partition}:ssm:\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:parameter\\$\\{\\w+Parameter}"),
                            from);
                }
            }
        }
        assertEquals(Set.of("TTH_DB_URL", "QUARKUS_MAILER_PASSWORD", "TTH_UNSUBSCRIBE_SECRET", "TTH_JWT_KEY",
                "TTH_SERVICE_TOKEN"), secretNames);
    }

    @Test
    void everyServiceWithADatabaseGetsTheUrlSecretAndReadsIt() throws Exception {
        Map<String, String> modules = Map.of("IngestTaskDefinition", "ingest-service", "SentimentTaskDefinition",
                "sentiment-service", "DigestTaskDefinition", "digest-service", "GatewayTaskDefinition", "api-gateway");
        for (Map.Entry<String, String> task : modules.entrySet()) {
            Path module = ComposeConfigTest.ROOT.resolve(task.getValue());
            boolean database = Files.readString(module.resolve("src/main/resources/application.properties"))
                    .contains("quarkus.datasource.db-kind");
            Map<String, Object> container = ((List<Map<String, Object>>) props(task.getKey()).get("ContainerDefinitions")).get(0);
            Set<String> names = new TreeSet<>();
            for (String list : List.of("Environment", "Secrets")) {
                ((List<Map<String, Object>>) container.getOrDefault(list, List.of())).forEach(e -> names.add(String.valueOf(e.get("Name"))));
            }
            assertEquals(database, names.contains("TTH_DB_URL"), task.getValue() + " and TTH_DB_URL");
            assertEquals(database, Files.readString(module.resolve("pom.xml")).contains("<artifactId>database-url</artifactId>"),
                    task.getValue() + " reads TTH_DB_URL through the database-url module");
            assertTrue(names.stream().noneMatch(n -> n.matches("TTH_DB_(HOST|PORT|NAME|USER|PASSWORD)")),
                    task.getValue() + ": the URL is the one database setting on AWS");
        }
    }

    @Test
    void everyIamStatementNamesItsResources() {
        List<String> problems = new ArrayList<>();
        for (String role : ofType("AWS::IAM::Role")) {
            for (Map<String, Object> policy : (List<Map<String, Object>>) props(role).get("Policies")) {
                List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
                for (Map<String, Object> s : statements) {
                    List<Object> actions = s.get("Action") instanceof List<?> l ? (List<Object>) l : List.of(s.get("Action"));
                    Object resource = s.get("Resource");
                    if (resource == null) {
                        problems.add(role + ": no Resource for " + actions);
                    }
                    for (Object action : actions) {
                        if (String.valueOf(action).contains("*")) {
                            problems.add(role + ": wildcard action " + action);
                        }
                    }
                    if (String.valueOf(resource).equals("*") || (resource instanceof List<?> rl && rl.contains("*"))) {
                        if (!STAR_ONLY_ACTIONS.containsAll(actions.stream().map(String::valueOf).toList())) {
                            problems.add(role + ": Resource * for " + actions);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(text.contains("ecr:GetAuthorizationToken has no resource-level permissions: AWS requires \"*\""),
                "the one * is documented in the template");
    }

    static Set<Object> resourcesOf(String role) {
        Set<Object> all = new HashSet<>();
        for (Map<String, Object> policy : (List<Map<String, Object>>) props(role).get("Policies")) {
            for (Map<String, Object> s : (List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement")) {
                Object r = s.get("Resource");
                all.addAll(r instanceof List<?> l ? l : List.of(r));
            }
        }
        return all;
    }

    static Map<String, Object> arnOf(String id) {
        return Map.of("Fn::GetAtt", List.of(id, "Arn"));
    }

    @Test
    void eachTaskReachesOnlyItsOwnQueues() {
        assertEquals(Set.of(arnOf("ArticlesIngestedQueue")), resourcesOf("IngestTaskRole"));
        assertEquals(Set.of(arnOf("ArticlesIngestedQueue"), arnOf("ArticlesIngestedDlq"), arnOf("ArticlesScoredQueue")),
                resourcesOf("SentimentTaskRole"));
        assertEquals(Set.of(arnOf("ArticlesScoredQueue"), arnOf("ArticlesScoredDlq")), resourcesOf("DigestTaskRole"));
        assertFalse(props("GatewayTaskDefinition").containsKey("TaskRoleArn"), "the gateway touches no queue");
    }

    @Test
    void thePipelineMayRunOnlyItsThreeTaskDefinitionsAndPassOnlyTheirRoles() {
        List<Map<String, Object>> statements = (List<Map<String, Object>>) ((Map<String, Object>) ((List<Map<String, Object>>)
                props("PipelineRole").get("Policies")).get(0).get("PolicyDocument")).get("Statement");
        Map<String, Object> runTask = statements.stream().filter(s -> "ecs:RunTask".equals(s.get("Action"))).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("Ref", "IngestTaskDefinition"), Map.of("Ref", "SentimentTaskDefinition"),
                Map.of("Ref", "DigestTaskDefinition")), runTask.get("Resource"));
        Map<String, Object> passRole = statements.stream().filter(s -> "iam:PassRole".equals(s.get("Action"))).findFirst().orElseThrow();
        assertEquals(Set.of(arnOf("IngestExecutionRole"), arnOf("IngestTaskRole"), arnOf("SentimentExecutionRole"),
                arnOf("SentimentTaskRole"), arnOf("DigestExecutionRole"), arnOf("DigestTaskRole")), Set.copyOf((List<Object>) passRole.get("Resource")));
        Map<String, Object> events = statements.stream().filter(s -> String.valueOf(s.get("Action")).contains("events:PutRule"))
                .findFirst().orElseThrow();
        assertTrue(String.valueOf(events.get("Resource")).endsWith(":rule/StepFunctionsGetEventsForECSTaskRule}"),
                "only the rule Step Functions manages for .sync ECS tasks");
        assertEquals(Set.of(Map.of("Ref", "Pipeline")), resourcesOf("ScheduleRole"));
    }

    @Test
    void theSentimentImagePassesJavaOptsAppendToJavaSoTheDrainOverrideTakesEffect() throws Exception {
        String dockerfile = Files.readString(ComposeConfigTest.ROOT.resolve("sentiment-service/src/main/docker/Dockerfile.jvm"));
        Matcher entry = Pattern.compile("(?m)^ENTRYPOINT .*exec java \\$JAVA_OPTS \\$JAVA_OPTS_APPEND -jar ").matcher(dockerfile);
        assertTrue(entry.find(), "the entrypoint runs java with $JAVA_OPTS $JAVA_OPTS_APPEND");
        assertFalse(Pattern.compile("(?m)^\\s*JAVA_OPTS_APPEND=").matcher(dockerfile).find(),
                "the image leaves JAVA_OPTS_APPEND unset: only the drain task sets it");
    }

    @Test
    void sentimentRunsWithTheMallocSettingsOfItsImageOnAwsAndLocally() throws Exception {
        // the image's malloc tuning (one arena; fixed mmap and trim thresholds) decides speed and memory under
        // mixed load (bench/results/sentiment-serving-2026-12-01.md): the ECS task and ./tth must not drift from it
        Map<String, String> image = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(MALLOC_[A-Z_]+)=([0-9]+)").matcher(Files.readString(
                ComposeConfigTest.ROOT.resolve("sentiment-service/src/main/docker/Dockerfile.jvm")));
        while (m.find()) {
            image.put(m.group(1), m.group(2));
        }
        assertEquals(Set.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_"), image.keySet());
        Map<String, String> task = new TreeMap<>();
        Map<String, Object> container = ((List<Map<String, Object>>) props("SentimentTaskDefinition").get("ContainerDefinitions")).get(0);
        for (Map<String, Object> env : (List<Map<String, Object>>) container.get("Environment")) {
            if (String.valueOf(env.get("Name")).startsWith("MALLOC_")) {
                task.put(String.valueOf(env.get("Name")), String.valueOf(env.get("Value")));
            }
        }
        assertEquals(image, task, "the sentiment task's MALLOC_* environment");
        String launcher = Files.readString(ComposeConfigTest.ROOT.resolve("tth"));
        for (Map.Entry<String, String> e : image.entrySet()) {
            assertTrue(launcher.contains(e.getKey() + "=" + e.getValue()), "./tth starts sentiment with " + e);
        }
    }

    @Test
    void sentimentIsSizedForFinbertAndScalesOnQueueDepth() {
        Map<String, Object> sentiment = props("SentimentTaskDefinition");
        assertEquals("2048", sentiment.get("Memory"));
        assertEquals(Map.of("Ref", "SentimentCpu"), sentiment.get("Cpu"));
        assertEquals(List.of(512, 1024), ((Map<String, Object>) parameters.get("SentimentCpu")).get("AllowedValues"));
        for (String small : List.of("IngestTaskDefinition", "DigestTaskDefinition", "GatewayTaskDefinition")) {
            assertEquals("256", props(small).get("Cpu"), small);
            assertEquals("512", props(small).get("Memory"), small);
        }
        Map<String, Object> target = props("SentimentScalableTarget");
        assertEquals(Map.of("Fn::Sub", "service/${Cluster}/${SentimentService.Name}"), target.get("ResourceId"));
        assertEquals("ecs:service:DesiredCount", target.get("ScalableDimension"));
        for (String alarm : List.of("SentimentBacklogHighAlarm", "SentimentBacklogLowAlarm")) {
            Map<String, Object> a = props(alarm);
            assertEquals("ApproximateNumberOfMessagesVisible", a.get("MetricName"));
            assertEquals(Map.of("Fn::GetAtt", List.of("ArticlesIngestedQueue", "QueueName")),
                    ((List<Map<String, Object>>) a.get("Dimensions")).get(0).get("Value"));
        }
        assertEquals(List.of(Map.of("Ref", "SentimentScaleOutPolicy")), props("SentimentBacklogHighAlarm").get("AlarmActions"));
        assertEquals(List.of(Map.of("Ref", "SentimentScaleInPolicy")), props("SentimentBacklogLowAlarm").get("AlarmActions"));
    }

    @Test
    void servicesTakeTheDesiredCountAndNetworkParameters() {
        for (String id : ofType("AWS::ECS::Service")) {
            Map<String, Object> service = props(id);
            assertEquals(Map.of("Ref", "DesiredCount"), service.get("DesiredCount"), id);
            Map<String, Object> vpc = (Map<String, Object>) ((Map<String, Object>) service.get("NetworkConfiguration")).get("AwsvpcConfiguration");
            assertEquals(Map.of("Ref", "SubnetIds"), vpc.get("Subnets"), id);
            assertEquals(Map.of("Ref", "SecurityGroupIds"), vpc.get("SecurityGroups"), id);
        }
        assertEquals(0, ((Map<String, Object>) parameters.get("DesiredCount")).get("Default"), "scaled down is the default");
    }

    @Test
    void logGroupsKeepLogsForTheRetentionParameter() {
        List<String> groups = ofType("AWS::Logs::LogGroup");
        assertEquals(4, groups.size());
        for (String id : groups) {
            assertEquals(Map.of("Ref", "LogRetentionDays"), props(id).get("RetentionInDays"), id);
        }
    }

    @Test
    void theNamesTheCliUsesAreTheNamesTheStackCreates() {
        Set<String> serviceNames = new TreeSet<>();
        Set<String> logGroups = new TreeSet<>();
        for (String id : ofType("AWS::ECS::Service")) {
            String name = (String) props(id).get("ServiceName");
            serviceNames.add(name);
            String taskDefinition = (String) ((Map<String, Object>) props(id).get("TaskDefinition")).get("Ref");
            assertEquals(name, containerName(taskDefinition), "container name = service name");
        }
        for (String id : ofType("AWS::Logs::LogGroup")) {
            logGroups.add((String) ((Map<String, Object>) props(id).get("LogGroupName")).get("Fn::Sub"));
        }
        assertEquals(new TreeSet<>(Stack.SERVICES), serviceNames);
        var settings = new com.tradethehype.ops.config.OpsSettings("us-east-1", "${AWS::StackName}", null, 3, false);
        assertEquals(new TreeSet<>(Stack.SERVICES.stream().map(settings::logGroup).toList()), logGroups);
        assertEquals(Map.of("Ref", "AWS::StackName"), props("Cluster").get("ClusterName"), "cluster name = stack name");
        assertEquals(Map.of("Fn::Sub", settings.ruleName()), props("DailyPipelineRule").get("Name"));
        if (!props("SentimentScalableTarget").get("ResourceId").toString().contains("SentimentService.Name")) {
            fail("scaling target is not the sentiment service");
        }
    }
}
