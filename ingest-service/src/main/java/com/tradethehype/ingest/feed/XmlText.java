package com.tradethehype.ingest.feed;

import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Small StAX helpers the feed formats share. */
final class XmlText {

    static final String DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

    private XmlText() {
    }

    /** The text inside the current element, nested markup included as text; leaves the reader on its end tag. */
    static String of(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (reader.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    text.append(' ');
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return text.toString();
    }

    /** The primary subtag of a language tag ({@code en-US} -> {@code en}), or null if it is not one. */
    static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return primary.matches("[a-z]{2,3}") ? primary : null;
    }

    /** Whether the reader is on element {@code name} of namespace {@code namespace}. */
    static boolean is(XMLStreamReader reader, String namespace, String name) {
        return namespace.equals(reader.getNamespaceURI()) && reader.getLocalName().equals(name);
    }
}
