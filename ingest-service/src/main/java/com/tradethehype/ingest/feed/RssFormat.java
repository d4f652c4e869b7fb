package com.tradethehype.ingest.feed;

import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.ParsedFeed;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** RSS 2.0: {@code <channel>} with {@code <language>} and {@code <item>}s. */
final class RssFormat {

    private RssFormat() {
    }

    static ParsedFeed read(XMLStreamReader reader) throws XMLStreamException {
        String language = null;
        List<FeedItem> items = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                boolean plain = reader.getNamespaceURI() == null;
                if (plain && reader.getLocalName().equals("item")) {
                    items.add(item(reader));
                } else if (plain && depth == 2 && reader.getLocalName().equals("language")) {
                    language = XmlText.language(XmlText.of(reader));
                } else {
                    depth++;
                }
            }
        }
        return new ParsedFeed(language, items);
    }

    private static FeedItem item(XMLStreamReader reader) throws XMLStreamException {
        String title = null, link = null, description = null, pubDate = null, dcDate = null, guid = null;
        String publisher = null;
        boolean guidIsLink = true;
        // every child is consumed whole by XmlText.of, so the next end tag at this level is the item's own
        for (int event = reader.next(); event != XMLStreamConstants.END_ELEMENT; event = reader.next()) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            boolean plain = reader.getNamespaceURI() == null;
            String name = reader.getLocalName();
            boolean dcDateElement = XmlText.is(reader, XmlText.DUBLIN_CORE, "date");
            if (plain && name.equals("guid")) {
                guidIsLink = !"false".equalsIgnoreCase(reader.getAttributeValue(null, "isPermaLink"));
            }
            String value = XmlText.of(reader);
            if (dcDateElement) {
                dcDate = value;
            } else if (plain) {
                switch (name) {
                    case "title" -> title = value;
                    case "link" -> link = value;
                    case "description" -> description = value;
                    case "pubDate" -> pubDate = value;
                    case "guid" -> guid = value;
                    case "source" -> publisher = value;
                    default -> {
                    }
                }
            }
        }
        if ((link == null || link.isBlank()) && guidIsLink) {
            link = guid; // RSS 2.0: a permalink guid is the item's URL when <link> is missing
        }
        if (title != null && publisher != null && !publisher.isBlank() && title.strip().endsWith(" - " + publisher.strip())) {
            // Google News appends " - Publisher" to every headline; the publisher is not part of the story
            title = title.strip().substring(0, title.strip().length() - publisher.strip().length() - 3);
        }
        var published = FeedDates.parse(pubDate);
        return new FeedItem(title, link, description, published != null ? published : FeedDates.parse(dcDate), guid);
    }
}
