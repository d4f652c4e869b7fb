package com.tradethehype.ingest.normalise;

import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.NormalisedItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Turns a raw feed item into plain text with a canonical URL and the article id derived from it. */
@ApplicationScoped
public class ArticleNormaliser {

    /** Long enough for any real headline; bounds what one hostile item can put on the queue. */
    static final int MAX_TITLE_CHARS = 500;
    /** More than FinBERT reads (512 tokens); keeps every message far below SQS's 256 KiB limit. */
    static final int MAX_SUMMARY_CHARS = 2000;

    /** The item in publishable form, or empty when it has no absolute http(s) link or no title text. */
    public Optional<NormalisedItem> normalise(FeedItem item) {
        Optional<String> url = CanonicalUrl.of(item.link());
        String title = truncate(plainText(item.title()), MAX_TITLE_CHARS);
        if (url.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        String summary = truncate(plainText(item.summary()), MAX_SUMMARY_CHARS);
        return Optional.of(new NormalisedItem(articleId(url.get()), url.get(), title, summary, item.publishedAt(),
                item.authorSentiment()));
    }

    /** The text a reader would see (see {@link HtmlText}): tags removed, entities decoded, whitespace collapsed. */
    public static String plainText(String html) {
        return HtmlText.plainText(html);
    }

    /** Lower-case hex SHA-256 of the canonical URL: the idempotency key every consumer relies on. */
    public static String articleId(String canonicalUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
