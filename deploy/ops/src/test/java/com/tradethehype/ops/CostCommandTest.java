package com.tradethehype.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.ops.cost.CostInputs;
import com.tradethehype.ops.cost.CostModel;
import com.tradethehype.ops.cost.CostModel.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost estimate: formulas, totals of the three profiles, overrides; no AWS call and no region needed. */
class CostCommandTest {

    @TempDir
    Path home;

    @Test
    void defaultEstimateOfEachProfile() {
        CostModel model = new CostModel(CostInputs.defaults());

        // scaled up: 3 x (0.25 x 0.04048 + 0.5 x 0.004445) x 730 + (0.5 x 0.04048 + 2 x 0.004445) x 730 = 48.29 Fargate,
        // 4 x 730 x 0.005 = 14.60 public IPv4, 0.30 Service Connect, pipeline 0.22, ECR 0.13, logs 0.01
        assertEquals(63.56, model.total(Profile.SCALED_UP), 0.005);
        // scaled down: the three one-shot tasks (3 + 10 + 2 min a day) 0.18 + IPv4 0.04 + ECR 0.13
        assertEquals(0.35, model.total(Profile.SCALED_DOWN), 0.005);
        // paused: ECR storage (1.3 GB x 0.10) and a little log storage
        assertEquals(0.13, model.total(Profile.PAUSED), 0.005);
    }

    @Test
    void printsPricesFormulaAndTotalsWithoutRegionOrCredentials() {
        Cli.Result result = new Cli(home).run("cost");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("  fargate-vcpu-hour                     0.04048  Fargate, per vCPU-hour\n"), result.out());
        assertTrue(result.out().contains("  fargate sentiment one-shot       0.15  = (0.5 vCPU x 0.04048 + 2 GB x 0.004445) x 10 min / 60 x 30.42 runs\n"),
                result.out());
        assertTrue(result.out().contains("  total                           63.56 USD/month\n"), result.out());
        assertTrue(result.out().contains("  total                            0.35 USD/month\n"), result.out());
        assertTrue(result.out().contains("  total                            0.13 USD/month\n"), result.out());
    }

    @Test
    void overridesChangeTheEstimate() {
        Cli.Result result = new Cli(home).run("cost", "--profile", "SCALED_DOWN", "--set", "sentiment-run-minutes=40",
                "--set", "fargate-vcpu-hour=0.05");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("(0.5 vCPU x 0.05 + 2 GB x 0.004445) x 40 min / 60 x 30.42 runs"), result.out());
        assertTrue(!result.out().contains("scaled up (four services"), result.out());
        CostInputs inputs = CostInputs.defaults();
        inputs.override("sentiment-run-minutes", 40);
        inputs.override("fargate-vcpu-hour", 0.05);
        String total = String.format(java.util.Locale.ROOT, "%8.2f USD/month", new CostModel(inputs).total(Profile.SCALED_DOWN));
        assertTrue(result.out().contains(total), result.out());
    }

    @Test
    void anUnknownInputIsRejectedWithTheKnownNames() {
        Cli.Result result = new Cli(home).run("cost", "--set", "gpu-hour=3");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--set gpu-hour: no such input; the inputs are fargate-vcpu-hour"), result.err());
    }
}
