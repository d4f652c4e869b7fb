package com.tradethehype.ops.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The monthly estimate of each profile: one line per cost, each with its formula and the numbers put in. */
public final class CostModel {

    /** The three profiles of the stack. */
    public enum Profile { SCALED_UP, SCALED_DOWN, PAUSED }

    /** One cost: what, how it is computed (with the numbers), and USD a month. */
    public record Line(String item, String formula, double usd) {
    }

    private static final List<String> TASKS = List.of("ingest", "sentiment", "digest", "gateway");
    private static final List<String> PIPELINE = List.of("ingest", "sentiment", "digest");

    private final CostInputs in;

    public CostModel(CostInputs inputs) {
        this.in = inputs;
    }

    public List<Line> estimate(Profile profile) {
        List<Line> lines = new ArrayList<>();
        double hours = in.get("hours-per-month");
        if (profile == Profile.SCALED_UP) {
            double tasks = 0;
            for (String t : TASKS) {
                double count = "sentiment".equals(t) ? in.get("sentiment-workers") : 1;
                tasks += count;
                lines.add(new Line("fargate " + t + " service", String.format(Locale.ROOT,
                        "(%s vCPU x %s + %s GB x %s) x %s h x %s", n(in.get(t + "-vcpu")), n(in.get("fargate-vcpu-hour")),
                        n(in.get(t + "-gb")), n(in.get("fargate-gb-hour")), n(hours), n(count)), taskHour(t) * hours * count));
            }
            double ipHours = tasks * hours * in.get("public-ip");
            lines.add(new Line("public IPv4 (services)", String.format(Locale.ROOT, "%s tasks x %s h x %s x %s", n(tasks),
                    n(hours), n(in.get("public-ip")), n(in.get("public-ipv4-hour"))), ipHours * in.get("public-ipv4-hour")));
            double instances = in.get("service-connect-instances");
            lines.add(new Line("Service Connect (Cloud Map)", String.format(Locale.ROOT, "%s instances x %s", n(instances),
                    n(in.get("cloudmap-instance-month"))), instances * in.get("cloudmap-instance-month")));
        }
        if (profile != Profile.PAUSED) {
            double runs = in.get("runs-per-month");
            double minutes = 0;
            for (String t : PIPELINE) {
                double m = Math.max(1, in.get(t + "-run-minutes"));
                minutes += m;
                lines.add(new Line("fargate " + t + " one-shot", String.format(Locale.ROOT,
                        "(%s vCPU x %s + %s GB x %s) x %s min / 60 x %s runs", n(in.get(t + "-vcpu")),
                        n(in.get("fargate-vcpu-hour")), n(in.get(t + "-gb")), n(in.get("fargate-gb-hour")), n(m), n(runs)),
                        taskHour(t) * m / 60 * runs));
            }
            lines.add(new Line("public IPv4 (pipeline)", String.format(Locale.ROOT, "%s min / 60 x %s runs x %s x %s", n(minutes),
                    n(runs), n(in.get("public-ip")), n(in.get("public-ipv4-hour"))),
                    minutes / 60 * runs * in.get("public-ip") * in.get("public-ipv4-hour")));
            double transitions = in.get("transitions-per-run") * runs;
            lines.add(new Line("Step Functions", String.format(Locale.ROOT, "max(0, %s transitions x %s runs - %s free) / 1000 x %s",
                    n(in.get("transitions-per-run")), n(runs), n(in.get("free-transitions")), n(in.get("sfn-1000-transitions"))),
                    Math.max(0, transitions - in.get("free-transitions")) / 1000 * in.get("sfn-1000-transitions")));
            lines.add(new Line("EventBridge schedule", String.format(Locale.ROOT, "%s runs x %s", n(runs),
                    n(in.get("eventbridge-scheduled-invocation"))), runs * in.get("eventbridge-scheduled-invocation")));
            double requests = in.get(profile == Profile.SCALED_UP ? "sqs-requests-up" : "sqs-requests-down");
            lines.add(new Line("SQS", String.format(Locale.ROOT, "max(0, %s requests - %s free) / 1e6 x %s", n(requests),
                    n(in.get("free-sqs-requests")), n(in.get("sqs-million-requests"))),
                    Math.max(0, requests - in.get("free-sqs-requests")) / 1e6 * in.get("sqs-million-requests")));
        }
        lines.add(new Line("ECR storage", String.format(Locale.ROOT, "%s GB x %s", n(in.get("ecr-gb")), n(in.get("ecr-gb-month"))),
                in.get("ecr-gb") * in.get("ecr-gb-month")));
        double logsGb = profile == Profile.PAUSED ? 0 : in.get(profile == Profile.SCALED_UP ? "logs-gb-up" : "logs-gb-down");
        lines.add(new Line("CloudWatch Logs ingestion", String.format(Locale.ROOT, "max(0, %s GB - %s free) x %s", n(logsGb),
                n(in.get("free-logs-gb")), n(in.get("logs-ingest-gb"))),
                Math.max(0, logsGb - in.get("free-logs-gb")) * in.get("logs-ingest-gb")));
        double monthlyGb = in.get(profile == Profile.SCALED_UP ? "logs-gb-up" : "logs-gb-down");
        double storedGb = monthlyGb * in.get("log-retention-days") / in.get("runs-per-month");
        lines.add(new Line("CloudWatch Logs storage", String.format(Locale.ROOT, "%s GB x %s days kept / %s days x %s",
                n(monthlyGb), n(in.get("log-retention-days")), n(in.get("runs-per-month")), n(in.get("logs-store-gb-month"))),
                storedGb * in.get("logs-store-gb-month")));
        lines.add(new Line("CloudWatch alarms", String.format(Locale.ROOT, "max(0, %s - %s free) x %s", n(in.get("alarms")),
                n(in.get("free-alarms")), n(in.get("alarm-month"))),
                Math.max(0, in.get("alarms") - in.get("free-alarms")) * in.get("alarm-month")));
        return lines;
    }

    public double total(Profile profile) {
        return estimate(profile).stream().mapToDouble(Line::usd).sum();
    }

    private double taskHour(String task) {
        return in.get(task + "-vcpu") * in.get("fargate-vcpu-hour") + in.get(task + "-gb") * in.get("fargate-gb-hour");
    }

    /** A number as a person writes it: at most 6 significant digits, no trailing zeros. */
    public static String n(double value) {
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
