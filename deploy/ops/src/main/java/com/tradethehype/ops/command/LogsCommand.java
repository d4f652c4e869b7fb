package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import com.tradethehype.ops.aws.Stack;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;

/** logs: the services' CloudWatch log events of the last while, merged in time order, optionally filtered. */
@Command(name = "logs", description = "Print recent log events, e.g. logs --service digest-service --since 1h --grep error")
public class LogsCommand extends OpsCommandBase {

    private static final Pattern SINCE = Pattern.compile("([1-9][0-9]*)([smhd])");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_PAGES = 20;

    @Option(names = "--service", paramLabel = "S", description = "One of ingest-service, sentiment-service, digest-service, api-gateway (default: all)")
    String service;

    @Option(names = "--since", defaultValue = "10m", description = "How far back: 30s, 10m, 2h, 1d (default 10m)")
    String since;

    @Option(names = "--grep", paramLabel = "PATTERN", description = "CloudWatch filter pattern, e.g. error or \"digest sent\"")
    String grep;

    @Option(names = "--limit", defaultValue = "200", description = "Most events to print (the newest; default 200)")
    int limit;

    private record Line(long timestamp, String service, String message) {
    }

    @Override
    void run(Ops ops) {
        if (service != null && !Stack.SERVICES.contains(service)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--service " + service + ": unknown service; use one of " + Stack.SERVICES);
        }
        Matcher m = SINCE.matcher(since);
        if (!m.matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--since " + since + ": use a number and s, m, h or d, e.g. 10m");
        }
        long amount = Long.parseLong(m.group(1));
        Duration back = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        long start = ops.environment().clock().instant().minus(back).toEpochMilli();
        List<Line> lines = new ArrayList<>();
        for (String s : service == null ? Stack.SERVICES : List.of(service)) {
            String token = null;
            int pages = 0;
            do {
                var request = FilterLogEventsRequest.builder().logGroupName(ops.settings().logGroup(s)).startTime(start)
                        .filterPattern(grep).nextToken(token).limit(Math.min(limit, 10_000)).build();
                FilterLogEventsResponse page = ops.calls().call("logs:FilterLogEvents", request,
                        () -> ops.aws().logs().filterLogEvents(request), () -> FilterLogEventsResponse.builder().build());
                page.events().forEach(e -> lines.add(new Line(e.timestamp(), s, e.message().stripTrailing())));
                token = page.nextToken();
            } while (token != null && ++pages < MAX_PAGES);
        }
        lines.sort(Comparator.comparingLong(Line::timestamp));
        List<Line> shown = lines.subList(Math.max(0, lines.size() - limit), lines.size());
        for (Line line : shown) {
            ops.out().printf("%s %-17s %s%n", TIME.format(Instant.ofEpochMilli(line.timestamp())), line.service(), line.message());
        }
        if (!ops.calls().dryRun()) {
            ops.out().printf("(%d events since %s%s)%n", shown.size(), TIME.format(Instant.ofEpochMilli(start)),
                    grep == null ? "" : " matching " + grep);
        }
    }
}
