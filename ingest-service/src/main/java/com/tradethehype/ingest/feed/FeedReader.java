package com.tradethehype.ingest.feed;

import com.tradethehype.ingest.ParsedFeed;
import com.tradethehype.ingest.Source;
import com.tradethehype.ingest.fetch.FeedFetcher;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a fetched body and reads it with the parser its source's kind calls for. */
@ApplicationScoped
public class FeedReader {

    private final FeedParser xml;
    private final SocialParser social;

    public FeedReader(FeedParser xml, SocialParser social) {
        this.xml = xml;
        this.social = social;
    }

    /** The items of {@code fetched}; throws {@link FeedParseException} (or its content subclass) naming the source. */
    public ParsedFeed read(Source source, FeedFetcher.Fetched fetched) {
        ContentCheck.verify(source.name(), source.isJson(), fetched.contentType(), fetched.body());
        return switch (source.kind()) {
            case Source.KIND_REDDIT -> social.reddit(source.name(), fetched.body());
            case Source.KIND_STOCKTWITS -> social.stocktwits(source.name(), fetched.body());
            default -> xml.parse(source.name(), fetched.body());
        };
    }
}
