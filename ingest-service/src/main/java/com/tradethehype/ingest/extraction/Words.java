package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.List;

/** Word scanning by hand for the context checks: a regex split per candidate costs a compile. */
final class Words {

    private Words() {
    }

    /** The lower-case ASCII words and numbers of {@code text} between {@code from} and {@code to}. */
    static List<String> lower(String text, int from, int to) {
        return lower(text, from, to, false);
    }

    /** As {@link #lower(String, int, int)}, leaving out hashtags when {@code skipHashtags} ({@code #Stock}). */
    static List<String> lower(String text, int from, int to, boolean skipHashtags) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean hashtag = false;
        for (int i = from; i <= to; i++) {
            char c = i < to ? Character.toLowerCase(text.charAt(i)) : ' ';
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (word.isEmpty()) {
                    hashtag = skipHashtags && i > 0 && text.charAt(i - 1) == '#';
                }
                word.append(c);
            } else if (!word.isEmpty()) {
                if (!hashtag) {
                    out.add(word.toString());
                }
                word.setLength(0);
            }
        }
        return out;
    }

    /** The word right before {@code start} when only spaces separate them, apostrophes kept ({@code Carrol's}). */
    static String previous(String text, int start) {
        int end = start;
        if (end == 0 || text.charAt(end - 1) != ' ') {
            return "";
        }
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int from = end;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '\''
                || text.charAt(from - 1) == '\u2019')) {
            from--;
        }
        return text.substring(from, end);
    }

    /** Whether {@code word} is written in capitals only ({@code CEO}, {@code EPS}). */
    static boolean allCapitals(String word) {
        return !word.isEmpty() && word.chars().allMatch(Character::isUpperCase);
    }

    /** The word right after {@code end} when one space separates them ({@code Ameritrade} in {@code TD Ameritrade}). */
    static String next(String text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != ' ') {
            return "";
        }
        int to = end + 1;
        while (to < text.length() && Character.isLetter(text.charAt(to))) {
            to++;
        }
        return text.substring(end + 1, to);
    }

    /** Whether {@code word} is written as a name: upper case first, lower case after ({@code Rainforest}). */
    static boolean capitalised(String word) {
        if (word.length() < 2 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (!Character.isLowerCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
