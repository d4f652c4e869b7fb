package com.tradethehype.ops;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** What the CLI takes from its surroundings; tests pass their own (environment map, credentials, clock, stdin). */
public record OpsEnvironment(Map<String, String> env, Path home, AwsCredentialsProvider credentials, Clock clock,
                             BufferedReader stdin, Duration retryBaseDelay) {

    public static OpsEnvironment system() {
        return new OpsEnvironment(System.getenv(), Path.of(System.getProperty("user.home")),
                DefaultCredentialsProvider.builder().build(), Clock.systemUTC(),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), Duration.ofMillis(500));
    }
}
