package com.tradethehype.ingest.feed;

import com.tradethehype.ingest.ParsedFeed;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 and Atom 1.0 documents with StAX, refusing anything with a DOCTYPE: feeds have no use for DTDs,
 * and refusing them outright closes XXE and entity-expansion attacks whatever the parser's defaults. The bytes go
 * to the parser as they came, so the XML declaration (or BOM) decides the encoding.
 */
@ApplicationScoped
public class FeedParser {

    private final XMLInputFactory factory;

    public FeedParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** The items of {@code body}; throws {@link FeedParseException} naming {@code source} if it is unacceptable. */
    public ParsedFeed parse(String source, byte[] body) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            toRootElement(source, reader);
            String root = reader.getLocalName();
            ParsedFeed feed;
            if (root.equals("rss") && reader.getNamespaceURI() == null) {
                feed = RssFormat.read(reader);
            } else if (root.equals("feed") && AtomFormat.ATOM.equals(reader.getNamespaceURI())) {
                feed = AtomFormat.read(reader);
            } else {
                throw new FeedParseException(source, "not an RSS 2.0 or Atom feed (root element <" + root + ">)", null);
            }
            while (reader.hasNext()) {
                reader.next(); // a truncated or trailing-garbage document fails here rather than half-counting
            }
            return feed;
        } catch (XMLStreamException e) {
            throw new FeedParseException(source, "not well-formed XML: " + oneLine(e.getMessage()), e);
        } finally {
            close(reader);
        }
    }

    private static void toRootElement(String source, XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.DTD) {
                throw new FeedParseException(source, "it declares a DOCTYPE; DTDs and entities are refused", null);
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
        throw new FeedParseException(source, "empty document", null);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
    }
}
