package com.tradethehype.sentiment.inference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The revision of a model directory that does not name its own version (a cached FinBERT, a converted download):
 * a short SHA-256 of the files that decide its scores, so scores of two different revisions never share a key.
 */
public final class ModelRevision {

    /** Prefix of a hash-derived version, e.g. {@code sha256-1a2b3c4d5e6f}. */
    public static final String PREFIX = "sha256-";
    /** Hex characters kept: 48 bits, ample to tell a handful of revisions of one model apart. */
    static final int HEX_CHARS = 12;

    private ModelRevision() {
    }

    /**
     * Hashes the TorchScript file, {@code tokenizer.json} and {@code config.json} of {@code dir}, each under its
     * role (not its file name, so a renamed copy of the same weights keeps its revision).
     */
    public static String of(Path dir) throws IOException {
        MessageDigest sha = sha256();
        for (var part : List.of(new Part("model", torchScript(dir)), new Part("tokenizer", dir.resolve("tokenizer.json")),
                new Part("config", dir.resolve("config.json")))) {
            if (!Files.isRegularFile(part.file())) {
                throw new IOException("cannot compute the revision of " + dir + ": no " + part.file().getFileName());
            }
            sha.update((part.role() + "\n" + Files.size(part.file()) + "\n").getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(part.file())) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
        }
        return PREFIX + HexFormat.of().formatHex(sha.digest()).substring(0, HEX_CHARS);
    }

    /** {@code model.pt}, else the directory's single {@code *.pt} (a zoo download names it after the model). */
    static Path torchScript(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve("model.pt"))) {
            return dir.resolve("model.pt");
        }
        try (var files = Files.list(dir)) {
            List<Path> scripts = files.filter(f -> f.getFileName().toString().endsWith(".pt")).sorted().toList();
            if (scripts.size() != 1) {
                throw new IOException("expected model.pt or a single .pt file in " + dir + ", found " + scripts);
            }
            return scripts.get(0);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private record Part(String role, Path file) {
    }
}
