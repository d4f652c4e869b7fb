package com.tradethehype.ops.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prices and usage the estimate rests on: every one printed, every one overridable by name. */
public final class CostInputs {

    /** A named number and what it means. */
    public record Input(double value, String meaning) {
    }

    private final Map<String, Input> prices = new LinkedHashMap<>();
    private final Map<String, Input> usage = new LinkedHashMap<>();

    /** USD, us-east-1, Linux/x86 on-demand list prices. */
    public static CostInputs defaults() {
        CostInputs c = new CostInputs();
        c.prices.put("fargate-vcpu-hour", new Input(0.04048, "Fargate, per vCPU-hour"));
        c.prices.put("fargate-gb-hour", new Input(0.004445, "Fargate, per GB-hour of memory"));
        c.prices.put("public-ipv4-hour", new Input(0.005, "public IPv4 address of a running task, per hour"));
        c.prices.put("sfn-1000-transitions", new Input(0.025, "Step Functions standard, per 1,000 state transitions"));
        c.prices.put("eventbridge-scheduled-invocation", new Input(0.0, "EventBridge scheduled rule invocation (free)"));
        c.prices.put("sqs-million-requests", new Input(0.40, "SQS standard queue, per million requests"));
        c.prices.put("ecr-gb-month", new Input(0.10, "ECR image storage, per GB-month"));
        c.prices.put("logs-ingest-gb", new Input(0.50, "CloudWatch Logs ingestion, per GB"));
        c.prices.put("logs-store-gb-month", new Input(0.03, "CloudWatch Logs storage, per GB-month"));
        c.prices.put("alarm-month", new Input(0.10, "CloudWatch alarm (standard resolution), per month"));
        c.prices.put("cloudmap-instance-month", new Input(0.10, "Cloud Map registered instance (Service Connect), per month"));

        c.usage.put("hours-per-month", new Input(730, "hours in a month"));
        c.usage.put("runs-per-month", new Input(30.42, "daily pipeline runs in a month"));
        c.usage.put("ingest-vcpu", new Input(0.25, "ingest task vCPU"));
        c.usage.put("ingest-gb", new Input(0.5, "ingest task memory GB"));
        c.usage.put("sentiment-vcpu", new Input(0.5, "sentiment task vCPU (stack parameter SentimentCpu/1024)"));
        c.usage.put("sentiment-gb", new Input(2, "sentiment task memory GB"));
        c.usage.put("digest-vcpu", new Input(0.25, "digest task vCPU"));
        c.usage.put("digest-gb", new Input(0.5, "digest task memory GB"));
        c.usage.put("gateway-vcpu", new Input(0.25, "gateway task vCPU"));
        c.usage.put("gateway-gb", new Input(0.5, "gateway task memory GB"));
        c.usage.put("sentiment-workers", new Input(1, "average sentiment tasks when scaled up (queue-depth scaling adds more)"));
        c.usage.put("ingest-run-minutes", new Input(3, "minutes the pipeline's poll-once task runs (Fargate bills >= 1 min)"));
        c.usage.put("sentiment-run-minutes", new Input(10, "minutes the pipeline's drain task runs (model load + scoring)"));
        c.usage.put("digest-run-minutes", new Input(2, "minutes the pipeline's send-digest task runs"));
        c.usage.put("public-ip", new Input(1, "1 = tasks get a public IPv4 (AssignPublicIp ENABLED), 0 = private subnets"));
        c.usage.put("transitions-per-run", new Input(4, "Step Functions state transitions per pipeline run"));
        c.usage.put("sqs-requests-up", new Input(350_000, "SQS requests a month scaled up (two long-polling consumers + traffic)"));
        c.usage.put("sqs-requests-down", new Input(10_000, "SQS requests a month scaled down (the daily run only)"));
        c.usage.put("ecr-gb", new Input(1.3, "stored image GB (sentiment JVM + libtorch ~1 GB, three native images)"));
        c.usage.put("logs-gb-up", new Input(1.0, "log GB ingested a month scaled up"));
        c.usage.put("logs-gb-down", new Input(0.05, "log GB ingested a month scaled down"));
        c.usage.put("log-retention-days", new Input(14, "LogRetentionDays of the stack"));
        c.usage.put("alarms", new Input(2, "CloudWatch alarms (sentiment backlog high/low)"));
        c.usage.put("service-connect-instances", new Input(3, "Service Connect instances when scaled up (ingest, sentiment, digest)"));
        c.usage.put("free-sqs-requests", new Input(1_000_000, "always-free SQS requests a month (0 if the account uses them)"));
        c.usage.put("free-transitions", new Input(4_000, "always-free Step Functions transitions a month"));
        c.usage.put("free-logs-gb", new Input(5, "always-free CloudWatch Logs GB a month"));
        c.usage.put("free-alarms", new Input(10, "always-free CloudWatch alarms"));
        return c;
    }

    /** Replaces a price or usage input; false if no input has that name. */
    public boolean override(String name, double value) {
        if (prices.containsKey(name)) {
            prices.put(name, new Input(value, prices.get(name).meaning()));
            return true;
        }
        if (usage.containsKey(name)) {
            usage.put(name, new Input(value, usage.get(name).meaning()));
            return true;
        }
        return false;
    }

    public double get(String name) {
        Input input = prices.containsKey(name) ? prices.get(name) : usage.get(name);
        if (input == null) {
            throw new IllegalArgumentException("no cost input " + name);
        }
        return input.value();
    }

    public Map<String, Input> prices() {
        return Collections.unmodifiableMap(prices);
    }

    public Map<String, Input> usage() {
        return Collections.unmodifiableMap(usage);
    }
}
