package com.tradethehype.ingest.feed;

import com.tradethehype.ingest.FeedItem;
import com.tradethehype.ingest.ParsedFeed;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Atom 1.0: {@code <feed xml:lang>} with {@code <entry>}s. */
final class AtomFormat {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    private AtomFormat() {
    }

    static ParsedFeed read(XMLStreamReader reader) throws XMLStreamException {
        String language = XmlText.language(reader.getAttributeValue(XMLConstants.XML_NS_URI, "lang"));
        List<FeedItem> items = new ArrayList<>();
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (ATOM.equals(reader.getNamespaceURI()) && reader.getLocalName().equals("entry")) {
                    items.add(entry(reader));
                } else {
                    depth++;
                }
            }
        }
        return new ParsedFeed(language, items);
    }

    private static FeedItem entry(XMLStreamReader reader) throws XMLStreamException {
        String title = null, alternate = null, firstLink = null, summary = null, content = null;
        String published = null, updated = null, id = null;
        for (int event = reader.next(); event != XMLStreamConstants.END_ELEMENT; event = reader.next()) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = ATOM.equals(reader.getNamespaceURI()) ? reader.getLocalName() : "";
            if (name.equals("link")) {
                String href = reader.getAttributeValue(null, "href");
                String rel = reader.getAttributeValue(null, "rel");
                firstLink = firstLink == null ? href : firstLink;
                if (alternate == null && (rel == null || rel.equals("alternate"))) {
                    alternate = href;
                }
            }
            String value = XmlText.of(reader);
            switch (name) {
                case "title" -> title = value;
                case "summary" -> summary = value;
                case "content" -> content = value;
                case "published" -> published = value;
                case "updated" -> updated = value;
                case "id" -> id = value;
                default -> {
                }
            }
        }
        var when = FeedDates.parse(published);
        return new FeedItem(title, alternate != null ? alternate : firstLink, summary != null ? summary : content,
                when != null ? when : FeedDates.parse(updated), id);
    }
}
