package com.tradethehype.ops.command;

import com.tradethehype.ops.cost.CostInputs;
import com.tradethehype.ops.cost.CostModel;
import com.tradethehype.ops.cost.CostModel.Profile;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** cost: the monthly estimate of each profile from printed prices and usage, any of them overridable. No AWS call. */
@Command(name = "cost", description = "Monthly cost of each profile (scaled up, scaled down, paused) with formula and prices")
public class CostCommand implements Callable<Integer> {

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a price or usage input, e.g. --set sentiment-run-minutes=20")
    Map<String, Double> overrides = new LinkedHashMap<>();

    @Option(names = "--profile", description = "Only this profile: SCALED_UP, SCALED_DOWN or PAUSED")
    Profile only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CostInputs inputs = CostInputs.defaults();
        overrides.forEach((name, value) -> {
            if (!inputs.override(name, value)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--set " + name + ": no such input; the inputs are "
                        + String.join(", ", inputs.prices().keySet()) + ", " + String.join(", ", inputs.usage().keySet()));
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println("Prices (USD; us-east-1 Linux/x86 on-demand list prices; override with --set NAME=VALUE):");
        inputs.prices().forEach((name, input) -> out.printf(Locale.ROOT, "  %-34s %10s  %s%n", name, CostModel.n(input.value()), input.meaning()));
        out.println("Usage:");
        inputs.usage().forEach((name, input) -> out.printf(Locale.ROOT, "  %-34s %10s  %s%n", name, CostModel.n(input.value()), input.meaning()));
        CostModel model = new CostModel(inputs);
        for (Profile profile : Profile.values()) {
            if (only != null && only != profile) {
                continue;
            }
            out.println();
            out.println(label(profile));
            for (CostModel.Line line : model.estimate(profile)) {
                out.printf(Locale.ROOT, "  %-28s %8.2f  = %s%n", line.item(), line.usd(), line.formula());
            }
            out.printf(Locale.ROOT, "  %-28s %8.2f USD/month%n", "total", model.total(profile));
        }
        out.flush();
        return 0;
    }

    private static String label(Profile profile) {
        return switch (profile) {
            case SCALED_UP -> "scaled up (four services at 1, plus the daily pipeline)";
            case SCALED_DOWN -> "scaled down (default: services at 0; the daily pipeline's three one-shot tasks)";
            case PAUSED -> "paused (rule disabled, services at 0: storage only)";
        };
    }
}
