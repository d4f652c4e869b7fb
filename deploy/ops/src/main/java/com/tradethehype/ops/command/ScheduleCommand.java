package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;

/**
 * schedule: change when the daily pipeline runs. PutRule replaces the whole rule, so the rule's state (paused or
 * not), description and role are read first and written back unchanged.
 */
@Command(name = "schedule", description = "Change the daily pipeline's schedule, e.g. schedule \"cron(30 13 * * ? *)\" (UTC)")
public class ScheduleCommand extends OpsCommandBase {

    private static final Pattern CRON = Pattern.compile("cron\\((\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\([1-9][0-9]* (minute|minutes|hour|hours|day|days)\\)");
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

    @Parameters(index = "0", paramLabel = "EXPRESSION", description = "cron(min hour day-of-month month day-of-week year) in UTC, or rate(...)")
    String expression;

    @Override
    void run(Ops ops) {
        Matcher cron = CRON.matcher(expression);
        if (!cron.matches() && !RATE.matcher(expression).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "EXPRESSION '" + expression
                    + "' is not an EventBridge schedule: use cron(M H DoM Mon DoW Y) with six fields, e.g. cron(30 13 * * ? *), or rate(1 day)");
        }
        if (cron.matches() && !"?".equals(cron.group(3)) && !"?".equals(cron.group(5))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "EXPRESSION '" + expression
                    + "': EventBridge needs '?' in day-of-month or day-of-week");
        }
        String rule = ops.settings().ruleName();
        var describe = DescribeRuleRequest.builder().name(rule).build();
        DescribeRuleResponse current = ops.calls().call("events:DescribeRule", describe,
                () -> ops.aws().events().describeRule(describe),
                () -> DescribeRuleResponse.builder().name(rule).state("<state from DescribeRule>")
                        .description("<description from DescribeRule>").scheduleExpression("<current>").build());
        var put = PutRuleRequest.builder().name(rule).scheduleExpression(expression).state(current.stateAsString())
                .description(current.description()).roleArn(current.roleArn()).build();
        ops.calls().call("events:PutRule", put, () -> ops.aws().events().putRule(put), () -> PutRuleResponse.builder().build());
        ops.out().println("rule " + rule + ": " + current.scheduleExpression() + " -> " + expression
                + " (state kept: " + current.stateAsString() + ")");
        if (cron.matches() && cron.group(1).matches("\\d+") && cron.group(2).matches("\\d+")) {
            LocalTime utc = LocalTime.of(Integer.parseInt(cron.group(2)), Integer.parseInt(cron.group(1)));
            LocalTime phoenix = ZonedDateTime.of(2026, 1, 15, utc.getHour(), utc.getMinute(), 0, 0, ZoneOffset.UTC)
                    .withZoneSameInstant(PHOENIX).toLocalTime();
            ops.out().println("runs at " + utc + " UTC = " + phoenix + " America/Phoenix (no daylight saving)");
        }
        ops.out().println("note: a later stack update resets it to the ScheduleExpression parameter; pass the same value there");
    }
}
