package com.tradethehype.devstack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * GreenMail, a real SMTP server that accepts every message, and copies each one into an outbox folder as an
 * {@code .eml} file that any mail program opens.
 */
public final class Smtp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Smtp.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final GreenMail greenMail;
    private final Path outbox;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "smtp-outbox");
        t.setDaemon(true);
        return t;
    });
    private int written;

    private Smtp(GreenMail greenMail, Path outbox) {
        this.greenMail = greenMail;
        this.outbox = outbox;
    }

    /** Starts SMTP on loopback {@code port} (0 = any free port); writes mail to {@code outbox} when not null. */
    public static Smtp start(int port, Path outbox) throws IOException {
        int bound = port == 0 ? FreePort.find() : port;
        GreenMail greenMail = new GreenMail(new ServerSetup(bound, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Smtp smtp = new Smtp(greenMail, outbox);
        if (outbox != null) {
            Files.createDirectories(outbox);
            smtp.writer.scheduleWithFixedDelay(smtp::writeNewMail, 200, 200, TimeUnit.MILLISECONDS);
        }
        return smtp;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    public Path outbox() {
        return outbox;
    }

    /** Every message received so far, oldest first. */
    public MimeMessage[] received() {
        return greenMail.getReceivedMessages();
    }

    private synchronized void writeNewMail() {
        MimeMessage[] all = greenMail.getReceivedMessages();
        for (; written < all.length; written++) {
            try {
                Path file = outbox.resolve(fileName(all[written], written + 1));
                try (OutputStream out = Files.newOutputStream(file)) {
                    all[written].writeTo(out);
                }
                LOG.infof("Mail to %s saved as %s", String.join(",", recipients(all[written])), file);
            } catch (IOException | MessagingException e) {
                LOG.errorf(e, "Could not save received mail %d to %s", written + 1, outbox);
            }
        }
    }

    private static String[] recipients(MimeMessage message) throws MessagingException {
        var all = message.getAllRecipients();
        String[] names = new String[all == null ? 0 : all.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = all[i].toString();
        }
        return names;
    }

    static String fileName(MimeMessage message, int sequence) throws MessagingException {
        String subject = message.getSubject() == null ? "no-subject" : message.getSubject();
        String slug = subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        slug = slug.isEmpty() ? "mail" : slug.substring(0, Math.min(60, slug.length()));
        return STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + String.format("%04d", sequence) + "-" + slug + ".eml";
    }

    @Override
    public void close() {
        if (outbox != null) {
            writer.shutdown();
            writeNewMail();
        }
        greenMail.stop();
    }
}
