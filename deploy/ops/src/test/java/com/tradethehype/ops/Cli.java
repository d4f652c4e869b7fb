package com.tradethehype.ops;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Runs tth-ops in-process with a given environment, stdin and credentials, capturing exit code, stdout and stderr. */
final class Cli {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    record Result(int exitCode, String out, String err) {
    }

    final Map<String, String> env = new HashMap<>();
    final Path home;
    AwsCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTESTTESTTEST", "fake-secret"));
    String stdin = "";

    Cli(Path home) {
        this.home = home;
    }

    static Cli against(FakeAws aws, Path home) {
        Cli cli = new Cli(home);
        cli.env.put("TTH_OPS_REGION", "us-east-1");
        cli.env.put("TTH_OPS_ENDPOINT", aws.endpoint().toString());
        return cli;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        OpsEnvironment environment = new OpsEnvironment(Map.copyOf(env), home, credentials, Clock.fixed(NOW, ZoneOffset.UTC),
                new BufferedReader(new StringReader(stdin)), Duration.ofMillis(1));
        CommandLine cl = OpsMain.commandLine(environment);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
