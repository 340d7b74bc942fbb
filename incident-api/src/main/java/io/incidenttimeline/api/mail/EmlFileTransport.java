package io.incidenttimeline.api.mail;

import io.incidenttimeline.api.support.Sha256;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded default's transport, with no mail server: each mail becomes a {@code .eml} file (what a subscriber
 * would receive, headers included, which any mail program opens) in a folder per subscription under the mail
 * directory, written to a temporary name first and then moved into place, so a reader never sees half a file.
 */
final class EmlFileTransport implements MailTransport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final Path dir;
    private final MailMessages messages;

    EmlFileTransport(Path dir, MailMessages messages) {
        this.dir = dir;
        this.messages = messages;
    }

    Path dir() {
        return dir;
    }

    @Override
    public SendResult send(QueuedMail mail) {
        try {
            Path folder = folder(mail.mail().subscriptionId());
            Files.createDirectories(folder);
            Path target = folder.resolve(STAMP.format(mail.createdAt()) + "-"
                    + Sha256.hex(mail.mail().mailKey()).substring(0, 16) + ".eml");
            Path partial = Files.createTempFile(folder, ".writing-", ".eml");
            try (OutputStream out = Files.newOutputStream(partial)) {
                messages.build(MailMessages.defaultSession(), mail).writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return SendResult.sent();
        } catch (IOException e) {
            return SendResult.temporary(null, "cannot write the mail into " + dir + ": " + e.getMessage());
        } catch (MessagingException | IllegalArgumentException e) {
            return SendResult.permanent(null, false, "the mail cannot be written: " + e.getMessage());
        }
    }

    @Override
    public void erase(String subscriptionId) {
        Path folder = folder(subscriptionId);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot erase the mails written into " + folder, e);
        }
    }

    private Path folder(String subscriptionId) {
        // subscription ids are generated ("es-" and hex); anything else is kept out of the path
        String name = SAFE.matcher(subscriptionId).matches() ? subscriptionId : Sha256.hex(subscriptionId).substring(0, 32);
        return dir.resolve(name);
    }
}
