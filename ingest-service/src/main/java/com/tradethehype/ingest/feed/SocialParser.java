package com.tradethehype.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.ParsedFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON of social sources into feed items: Reddit listings ({@code /r/<sub>/new.json}, one item per post,
 * its permalink as the URL) and Stocktwits symbol streams ({@code /api/2/streams/symbol/<T>.json}, one item per
 * message, the author's Bullish/Bearish tag kept). Neither declares a language.
 */
@ApplicationScoped
public class SocialParser {

    private static final String REDDIT = "https://www.reddit.com";
    private static final String STOCKTWITS = "https://stocktwits.com/";

    private final ObjectMapper json;

    public SocialParser(ObjectMapper json) {
        this.json = json;
    }

    public ParsedFeed reddit(String source, byte[] body) {
        JsonNode root = tree(source, body);
        if (!"Listing".equals(root.path("kind").asText()) || !root.path("data").path("children").isArray()) {
            throw new FeedParseException(source, "not a Reddit listing (no kind=Listing with data.children)", null);
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode child : root.path("data").path("children")) {
            JsonNode post = child.path("data");
            String permalink = text(post, "permalink");
            String link = permalink == null ? null : permalink.startsWith("/") ? REDDIT + permalink : permalink;
            Instant created = post.path("created_utc").isNumber()
                    ? Instant.ofEpochMilli((long) (post.path("created_utc").asDouble() * 1000)) : null;
            items.add(new FeedItem(text(post, "title"), link, text(post, "selftext"), created, text(post, "id")));
        }
        return new ParsedFeed(null, items);
    }

    public ParsedFeed stocktwits(String source, byte[] body) {
        JsonNode root = tree(source, body);
        int status = root.path("response").path("status").asInt(0);
        if (status != 200) {
            String errors = root.path("errors").toString();
            throw new FeedParseException(source, "Stocktwits answered status " + status + " " + errors, null);
        }
        if (!root.path("messages").isArray()) {
            throw new FeedParseException(source, "not a Stocktwits stream (no messages array)", null);
        }
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode message : root.path("messages")) {
            String id = message.path("id").asText(null);
            String user = text(message.path("user"), "username");
            String link = id == null || user == null ? null : STOCKTWITS + user + "/message/" + id;
            String sentiment = text(message.path("entities").path("sentiment"), "basic");
            items.add(new FeedItem(text(message, "body"), link, null, FeedDates.parse(text(message, "created_at")), id,
                    sentiment));
        }
        return new ParsedFeed(null, items);
    }

    private JsonNode tree(String source, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new FeedParseException(source, "the JSON document is not an object", null);
            }
            return root;
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().split("\n", 2)[0];
            throw new FeedParseException(source, "not well-formed JSON: " + message, e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
