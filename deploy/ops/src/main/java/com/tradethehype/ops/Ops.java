package com.tradethehype.ops;

import com.tradethehype.ops.aws.AwsClients;
import com.tradethehype.ops.aws.Calls;
import com.tradethehype.ops.config.OpsSettings;
import java.io.PrintWriter;

/** One command run: its settings, clients, the call runner and the output. */
public record Ops(OpsSettings settings, AwsClients aws, Calls calls, PrintWriter out, OpsEnvironment environment)
        implements AutoCloseable {

    @Override
    public void close() {
        out.flush();
        aws.close();
    }
}
