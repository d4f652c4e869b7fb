package com.tradethehype.ingest.normalise;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The text a reader would see in a feed's HTML, parsed by jsoup's HTML5 parser (no regexes): formatting tags go,
 * entities are decoded, whitespace collapses. Elements whose content HTML treats as raw text ({@code <script>},
 * {@code <style>}, {@code <textarea>} ...) are kept as the literal characters the feed wrote: a headline about a
 * {@code <script>} tag keeps its words, and an unclosed one cannot swallow the rest of the headline. The result is
 * text, never markup: whoever displays it must escape it.
 */
final class HtmlText {

    private static final Set<String> RAW_TEXT = Set.of("script", "style", "noscript", "textarea", "title", "iframe",
            "xmp", "noembed", "noframes", "plaintext", "template");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
            "h6", "tr", "td", "th", "table", "blockquote", "section", "article", "header", "footer", "pre", "hr", "dd",
            "dt", "figcaption");

    private HtmlText() {
    }

    static String plainText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return collapse(html);
        }
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        List<Node> nodes = parser.parseFragmentInput(html, new Element("body"), "");
        StringBuilder text = new StringBuilder(html.length());
        for (Node node : nodes) {
            append(node, html, text);
        }
        return collapse(text.toString());
    }

    private static void append(Node node, String html, StringBuilder text) {
        if (node instanceof TextNode textNode) {
            text.append(textNode.getWholeText());
        } else if (node instanceof Element element) {
            if (RAW_TEXT.contains(element.normalName())) {
                text.append(literal(element, html));
                return;
            }
            boolean block = BLOCKS.contains(element.normalName());
            if (block) {
                text.append(' ');
            }
            for (Node child : element.childNodes()) {
                append(child, html, text);
            }
            if (block) {
                text.append(' ');
            }
        }
        // comments, doctype and the like show nothing
    }

    /** The element as the feed wrote it, start tag to end tag (or to the end, when never closed). */
    private static String literal(Element element, String html) {
        Range start = element.sourceRange();
        Range end = element.endSourceRange();
        if (!start.isTracked() || start.isImplicit()) {
            return element.wholeText();
        }
        int to = end.isTracked() && !end.isImplicit() ? end.endPos() : html.length();
        return Parser.unescapeEntities(html.substring(start.startPos(), Math.min(to, html.length())), false);
    }

    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
