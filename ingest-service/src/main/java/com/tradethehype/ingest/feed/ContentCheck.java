package com.tradethehype.ingest.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Looks at a response before any parser does, so that the usual ways a feed URL goes wrong get a clear message:
 * an HTML page (login wall, error page, moved site) served as 200, JSON where XML was expected or the other way
 * round, a content type that is no document at all, and bytes that are not valid UTF-8 where UTF-8 is promised.
 */
final class ContentCheck {

    private ContentCheck() {
    }

    /** Throws {@link FeedContentException} naming {@code source} when {@code body} is not what a feed of its kind is. */
    static void verify(String source, boolean json, String contentType, byte[] body) {
        String mime = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        String shown = contentType == null ? "no Content-Type" : "Content-Type " + contentType;
        String start = start(body);
        boolean looksHtml = start.startsWith("<!doctype html") || start.startsWith("<html")
                || (start.startsWith("<") && start.contains("<html") && !start.contains("<rss") && !start.contains("<feed"));
        boolean looksJson = start.startsWith("{") || start.startsWith("[");
        boolean looksXml = start.startsWith("<") && !looksHtml;
        if (start.isEmpty()) {
            throw new FeedContentException(source, "the response body is empty (" + shown + ")");
        }
        if (looksHtml) {
            throw new FeedContentException(source, "an HTML page instead of a feed (" + shown
                    + "): the URL may have moved, or the site answers with an error or login page");
        }
        if (json && looksXml) {
            throw new FeedContentException(source, "XML where JSON was expected (" + shown + ")");
        }
        if (!json && looksJson) {
            throw new FeedContentException(source, "JSON where an RSS or Atom feed was expected (" + shown + ")");
        }
        if (!json && !looksXml || json && !looksJson) {
            throw new FeedContentException(source, "the body does not start like " + (json ? "JSON" : "XML")
                    + " (" + shown + ")");
        }
        if (!mime.isEmpty() && !acceptable(mime, json)) {
            throw new FeedContentException(source, shown + " is not a " + (json ? "JSON document" : "feed"));
        }
        if (json || declaresUtf8(start)) {
            requireUtf8(source, body);
        }
    }

    private static boolean acceptable(String mime, boolean json) {
        if (mime.equals("text/plain") || mime.equals("application/octet-stream")) {
            return true; // careless servers; the body has already been seen to look right
        }
        return json ? mime.contains("json") || mime.equals("text/javascript") : mime.contains("xml") || mime.equals("text/html");
    }

    /** The first few hundred characters after any BOM and leading whitespace, lower case, as Latin-1. */
    private static String start(byte[] body) {
        int from = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            from = 3;
        }
        while (from < body.length && Character.isWhitespace((char) (body[from] & 0xff))) {
            from++;
        }
        int to = Math.min(body.length, from + 512);
        return new String(body, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    /** XML is UTF-8 unless its declaration names another encoding (a UTF-16 BOM would not get this far). */
    private static boolean declaresUtf8(String start) {
        if (!start.startsWith("<?xml")) {
            return true;
        }
        int end = start.indexOf("?>");
        String declaration = end < 0 ? start : start.substring(0, end);
        int at = declaration.indexOf("encoding");
        if (at < 0) {
            return true;
        }
        String rest = declaration.substring(at + "encoding".length()).replaceAll("^[\\s=\"']+", "");
        return rest.startsWith("utf-8") || rest.startsWith("utf8");
    }

    private static void requireUtf8(String source, byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            decoder.decode(bytes);
        } catch (CharacterCodingException e) {
            throw new FeedContentException(source, "invalid UTF-8 near byte " + bytes.position());
        }
    }
}
