package com.tradethehype.ops.command;

import com.tradethehype.ops.Ops;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** scale up: the four services run continuously; scale down: all at 0, only the daily pipeline runs. */
@Command(name = "scale", description = "scale up (services at 1, sentiment scales on queue depth) or down (all at 0)")
public class ScaleCommand extends OpsCommandBase {

    /** The two running profiles. */
    public enum Direction { up, down }

    @Parameters(index = "0", description = "up | down")
    Direction direction;

    @Option(names = "--max-workers", defaultValue = "3", description = "Most sentiment workers when scaled up (default 3)")
    int maxWorkers;

    @Override
    void run(Ops ops) {
        if (direction == Direction.up) {
            Fleet.setSentimentWorkers(ops, 1, Math.max(1, maxWorkers));
            Fleet.setDesiredCount(ops, 1);
            ops.out().println("profile: scaled up (services run continuously; ./tth ops cost shows what that costs)");
        } else {
            Fleet.setSentimentWorkers(ops, 0, 0);
            Fleet.setDesiredCount(ops, 0);
            ops.out().println("profile: scaled down (services at 0; the daily pipeline still runs unless paused)");
        }
    }
}
