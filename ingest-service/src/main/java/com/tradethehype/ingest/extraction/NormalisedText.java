package com.tradethehype.ingest.extraction;

import java.text.Normalizer;

/**
 * A text folded for name matching: lower case, accents removed, every run of other characters one space, "&" as
 * " and ", a possessive "'s" dropped and other apostrophes closed up ({@code Macy's} and {@code Macy’s} ->
 * {@code macy}, {@code O'Reilly} -> {@code oreilly}). Each folded character remembers where it came from, so a
 * match can be reported and checked in the original.
 */
final class NormalisedText {

    final String original;
    final char[] chars;
    final int length;
    /** For each folded character, the index in {@code original} of the character it came from. */
    final int[] origin;

    private NormalisedText(String original, char[] chars, int length, int[] origin) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.origin = origin;
    }

    static NormalisedText of(String text) {
        int n = text.length();
        char[] out = new char[n * 5 + 1];
        int[] origin = new int[n * 5 + 1];
        int length = 0;
        boolean space = true; // no leading space
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char folded = fold(c);
            if (folded != 0) {
                out[length] = folded;
                origin[length++] = i;
                space = false;
            } else if (isApostrophe(c)) {
                boolean possessive = i + 1 < n && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                        && (i + 2 >= n || fold(text.charAt(i + 2)) == 0);
                if (possessive) {
                    i++; // drop the s too
                }
            } else if (c == '&') {
                if (!space) {
                    out[length] = ' ';
                    origin[length++] = i;
                }
                for (char a : "and ".toCharArray()) {
                    out[length] = a;
                    origin[length++] = i;
                }
                space = true;
            } else if (!space) {
                out[length] = ' ';
                origin[length++] = i;
                space = true;
            }
        }
        if (length > 0 && out[length - 1] == ' ') {
            length--;
        }
        return new NormalisedText(text, out, length, origin);
    }

    /** The folded form of a whole string, for dictionary keys. */
    static String fold(String text) {
        NormalisedText normalised = of(text);
        return new String(normalised.chars, 0, normalised.length);
    }

    /** Whether folded range [start, end) lies on word boundaries. */
    boolean isWord(int start, int end) {
        return (start == 0 || chars[start - 1] == ' ') && (end == length || chars[end] == ' ');
    }

    /** The original text of folded range [start, end). */
    String originalText(int start, int end) {
        return original.substring(origin[start], origin[end - 1] + 1);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02bc';
    }

    /** A lower-case ASCII letter or digit for {@code c}, or 0 when it separates words. */
    private static char fold(char c) {
        if (c < 128) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                return c;
            }
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : 0;
        }
        if (!Character.isLetterOrDigit(c)) {
            return 0;
        }
        char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return base < 128 ? fold(base) : Character.toLowerCase(c);
    }
}
