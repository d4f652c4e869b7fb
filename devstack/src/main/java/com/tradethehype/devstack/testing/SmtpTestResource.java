package com.tradethehype.devstack.testing;

import com.tradethehype.devstack.Smtp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * GreenMail on a free port for a Quarkus test run; sets {@code tth.smtp.*} and {@code tth.test.outbox}, the
 * folder where each received mail appears as an {@code .eml} file for the test to read.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private Smtp smtp;

    @Override
    public Map<String, String> start() {
        try {
            Path outbox = Files.createTempDirectory("tth-outbox");
            smtp = Smtp.start(0, outbox);
            return Map.of("tth.smtp.host", "localhost", "tth.smtp.port", Integer.toString(smtp.port()),
                    "tth.test.outbox", outbox.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.close();
        }
    }
}
