package com.tradethehype.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An error text fit for an HTTP answer or a health check: the message without Java class names or file paths
 * (the log keeps the full exception). URLs stay: they are configuration a reader can act on.
 */
public final class CleanReason {

    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?");
    private static final Pattern SIMPLE = Pattern.compile("\\(?\\b[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b\\)?:?");
    private static final Pattern TOKEN = Pattern.compile("[^\\s'\"(),;\\[\\]]*[/\\\\][^\\s'\"(),;\\[\\]]*");
    private static final Pattern URL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");

    private CleanReason() {
    }

    /** The clean message of {@code error}, or a generic reason when it has none. */
    public static String of(Throwable error) {
        String clean = error == null ? "" : of(error.getMessage());
        return clean.isEmpty() ? "unexpected failure; see the service log" : clean;
    }

    /** {@code text} without class names ({@code java.io.IOException:}, {@code (NoSuchFileException)}) or paths. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String noClasses = SIMPLE.matcher(QUALIFIED.matcher(text).replaceAll("")).replaceAll("");
        Matcher tokens = TOKEN.matcher(noClasses);
        StringBuilder out = new StringBuilder();
        while (tokens.find()) {
            String token = tokens.group();
            tokens.appendReplacement(out, Matcher.quoteReplacement(URL.matcher(token).matches() ? token : "[path]"));
        }
        tokens.appendTail(out);
        return out.toString().replaceAll("\\s{2,}", " ").replaceAll("\\s+([,;:.)])", "$1").replaceAll("^[\\s:;,]+", "")
                .trim();
    }
}
