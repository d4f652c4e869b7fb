package com.tradethehype.digest;

import com.tradethehype.devstack.Smtp;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * GreenMail (devstack's real SMTP server) on a fixed free port that a test can stop and start again, to see
 * what the sender does while the mail server is down.
 */
public class MailServerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile Smtp smtp;
    private static int port;
    private static boolean stopped;

    @Override
    public Map<String, String> start() {
        try {
            smtp = Smtp.start(0, null);
            port = smtp.port();
            return Map.of("tth.smtp.host", "127.0.0.1", "tth.smtp.port", Integer.toString(port));
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

    /** Stops the server: connections are refused until {@link #startAgain()}. */
    public static synchronized void stopServer() {
        smtp.close();
        stopped = true;
    }

    /** Starts a fresh server on the same port after {@link #stopServer()} (its mailbox starts empty). */
    public static synchronized void startAgain() {
        if (!stopped) {
            return;
        }
        stopped = false;
        try {
            smtp = Smtp.start(port, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every mail received by the current server to {@code recipient}. */
    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(smtp.received()).filter(m -> {
            try {
                Address[] all = m.getAllRecipients();
                return all != null && Arrays.stream(all).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
