package com.tradethehype.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Error texts for answers and health checks: no class names, no file paths, the rest kept. */
class CleanReasonTest {

    @Test
    void dropsQualifiedAndSimpleClassNames() {
        assertEquals("Connection refused: localhost:9324", CleanReason.of(
                "software.amazon.awssdk.core.exception.SdkClientException: Connection refused: localhost:9324"));
        assertEquals("JWT key file [path] cannot be read", CleanReason.of(
                "JWT key file /srv/tth/jwt.jwk cannot be read (NoSuchFileException)"));
        assertEquals("warm-up timed out", CleanReason.of("TimeoutException: warm-up timed out"));
    }

    @Test
    void replacesFilePathsButKeepsUrls() {
        assertEquals("model directory [path] does not exist",
                CleanReason.of("model directory /home/app/models/finbert does not exist"));
        assertEquals("model directory [path] does not exist",
                CleanReason.of("model directory target/no-such-model does not exist"));
        assertEquals("no tokenizer.json in [path]", CleanReason.of("no tokenizer.json in C:\\models\\x"));
        assertEquals("[path] is not cached; djl://ai.djl.huggingface.pytorch/ProsusAI/finbert needs internet",
                CleanReason.of("/root/.djl/cache is not cached; djl://ai.djl.huggingface.pytorch/ProsusAI/finbert "
                        + "needs internet"));
    }

    @Test
    void usesTheMessageOfAThrowableOrAGenericReason() {
        assertEquals("[path]", CleanReason.of(new NoSuchFileException("/etc/tth/key")));
        assertEquals("disk full", CleanReason.of(new IOException("java.io.IOException: disk full")));
        assertEquals("unexpected failure; see the service log", CleanReason.of(new IllegalStateException()));
        assertEquals("unexpected failure; see the service log", CleanReason.of((Throwable) null));
    }
}
