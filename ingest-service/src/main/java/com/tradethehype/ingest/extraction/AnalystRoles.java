package com.tradethehype.ingest.extraction;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Banks and brokers quoted as the analyst are not what an item is about: {@code Allergan upgraded at UBS},
 * {@code Goldman's top strategist sees ...}, {@code Morgan Stanley's Wilson says ...}, {@code Deutsche Bank's Binky
 * Chadha raises his S&P target}, {@code added to Goldman's conviction list},
 * {@code Morgan Stanley joins mortgage sector bulls},
 * {@code JPMorgan reels in expectations on Beyond Meat}, {@code BMO Capital Markets starts at Outperform},
 * {@code Nomura Instinet loses confidence in ...}, {@code Citi gives big boost to Deere PT}, {@code after BofA bump},
 * {@code BofA: "the gradual pickup ..."},
 * {@code Evercore ISI adds ... to its list},
 * {@code ... Presents At RBC Capital Markets Midstream Conference}, {@code ... in U.S. annually: UBS}, a desk or team
 * giving the firm's view ({@code Deutsche Bank's currency team expects a weaker yen}, {@code Goldman's commodities desk
 * sees ...}; not {@code JPMorgan's trading desk posts record revenue}). The firm
 * still counts when the item is about its own business ({@code HSBC Plans Third Overhaul}) or carries its cashtag.
 */
final class AnalystRoles {

    /** Listed banks and brokers whose research desks news quotes by the firm's name. */
    static final Set<String> FIRMS = Set.of("JPM", "GS", "MS", "C", "BAC", "UBS", "BCS", "DB", "WFC", "RY", "BMO",
            "TD", "JEF", "NMR", "MFG", "RJF", "PIPR", "OPY", "SF", "EVR", "KEY", "HSBC", "TFC", "CM", "BNS", "ING",
            "MUFG", "SMFG", "LAZ", "RILY", "MC", "HLI", "CFG", "SCHW", "MCO", "SPGI", "MORN", "SAN", "CS", "NTRS",
            "BK", "STT", "BBVA", "LYG", "NWG", "PNC", "USB", "FITB", "RBC", "RF", "HBAN", "AB", "MTB", "CMA", "ZION", "SNV");
    /** Words before the firm that make it the source of an opinion: upgraded <i>at</i> UBS, <i>per</i> Jefferies. */
    private static final Pattern BEFORE = Pattern.compile(
            "(?i)\\b(?:(?:at|by|from|per|via|says|said|according to|analysts? (?:at|from|with))"
                    + "|(?:at|by|from)\\b[^.;:!?]{1,30}(?:,|\\band))\\s*$");
    /** A dash or colon before the firm: an attribution when nothing but a link follows ({@code ...: UBS}). */
    private static final Pattern PUNCTUATION_BEFORE = Pattern.compile("[:\\-–—|]\\s*$");
    /** Words after the firm that make it the analyst: UBS <i>upgrades</i>, BMO <i>Capital Markets</i>. */
    private static final Pattern AFTER = Pattern.compile("(?i)^(?:'s|’s|'|’)?\\s*(?:(?:isi|sandler|partners|instinet|&\\s*co\\.?)\\s+)?"
            + "(?:(?:now|also|still|again|newly|now also)\\s+(?=[a-z]))?"
            + "(?:(?:(?:top|chief|lead|head|senior|star|veteran|global|equity|market|u\\.s\\.|us|european)\\s+){0,3}"
            + "(?:analysts?|strategists?|economists?)"
            + "|research|securities|capital|equity research|upgrades?|upgraded|downgrades?|downgraded|raises|lifts|ups"
            + "|boosts|bumps|hikes|cuts|lowers|trims|slashes|initiates|initiated|starts|started|resumes|reinstates"
            + "|reiterates|maintains|keeps|rates|sees|says|said|expects|predicts|forecasts|estimates|likes|prefers"
            + "|thinks|believes|argues|doubts"
            + "|recommends|points|reels|turns|warns|calls|cools|warms|sours|is (?:bullish|bearish)|bullish|bearish"
            + "|(?:price )?targets?|notes?|ratings?|adds|removes|assumes|moves|names|picks|places|puts|sets|pounds"
            + "|double[- ]upgrades|double[- ]downgrades|reaffirms|stays"
            + "|(?:pulls|drops|withdraws|scraps|ditches|yanks|abandons|suspends|ends|lifts|removes)\\s+"
            + "(?:(?:its|their|the|an?)\\s+)?(?:[\\w-]+\\s+){0,2}(?:rating|call|recommendation|coverage)\\b"
            + "|loses confidence|gains confidence|buys the dip|bump|nod|gives (?:[\\w-]+ ){0,3}(?:boost|bump|lift|cut)"
            + "|:\\s*[\"“]"
            + "|top picks?|best ideas?|favou?rite (?:stocks?|picks?|names?)"
            + "|(?:(?:americas |us |u\\.s\\. |global |european )?"
            + "(?:conviction(?: buy)?|buy|sell|focus|top picks?|best ideas?|recommended) list)"
            + "|joins (?:the )?(?:[\\w-]+ ){0,3}(?:bulls|bears)"
            + "|(?:\\w+ )?(?:conference|summit|forum)"
            + "|(?:[a-z][\\w&-]*\\s+){0,2}(?:team|desk|strategy team|research team|research unit|house view|strategists"
            + "|economists|analysts|researchers)"
            + "\\s+(?:now\\s+|also\\s+|still\\s+)?(?:expects?|sees?|says?|said|forecasts?|predicts?|thinks?|warns?"
            + "|recommends?|likes?|prefers?|favou?rs?|turns?|remains?|stays?|is|are|calls?|argues?|believes?"
            + "|estimates?|projects?|upgrades?|downgrades?|raises?|cuts?|lowers?|lifts?))\\b");

    /** The name of a firm's research arm that may follow its name: {@code Evercore ISI's}, {@code Piper Sandler's}. */
    private static final String DESK = "(?:\\s+(?:ISI|Sandler|Partners|Instinet|Securities|Capital Markets|Research))?";
    /**
     * The firm's strategist by surname or full name, then an opinion's verb: {@code Morgan Stanley's Wilson says ...},
     * {@code Morgan Stanley's Adam Jonas says Ford is cheap}. The firm's chief ({@code JPMorgan's Jamie Dimon said})
     * speaks for the firm's own business, which counts.
     */
    private static final Pattern PERSON_AFTER = Pattern.compile("^" + DESK + "(?:'s|’s|'|’)\\s+(?:[A-Z][a-z]+\\s+)?"
            + "([A-Z][a-z]+)\\s+(?:says|said|sees"
            + "|expects|warns|predicts|thinks|forecasts|argues|believes|recommends|likes|prefers|calls|loves|favou?rs"
            + "|backs|doubts|questions|defends|reiterates|maintains|upgrades|downgrades|initiates|flags|highlights"
            + "|writes|wrote|notes|tells|told)\\b");
    /**
     * The firm's strategist by full name, then a forecast's verb and what is forecast: {@code Deutsche Bank's Binky
     * Chadha raises his S&P target}; or its analyst by full name, then a rating ({@code Barclays' Venu Krishna keeps an
     * overweight on Apple}) or a stance ({@code Jefferies' Brent Thill stays bullish on ...}). A bank's chief does not set index targets; {@link #CHIEFS} still count.
     */
    private static final Pattern FORECASTER_AFTER = Pattern.compile("^" + DESK + "(?:'s|’s|'|’)\\s+[A-Z][a-z]+\\s+([A-Z][a-z]+)\\s+"
            + "(?:(?:raises|lifts|cuts|lowers|trims|boosts|hikes|ups|sets|keeps|reiterates)\\s+"
            + "(?:his|her|their|the|its)?\\s*(?:[\\w&.\\-]+\\s+){0,3}"
            + "(?:targets?|forecasts?|outlook|estimates?|calls?)\\b"
            + "|(?:keeps|reiterates|maintains|stays at|starts|initiates|upgrades|downgrades|rates|has)\\s+"
            + "(?:an?\\s+|its\\s+|his\\s+|her\\s+)?(?:\\w+\\s+)?(?:overweight|underweight|buy|sell|hold|neutral"
            + "|outperform|underperform|equal[- ]weight|market[- ]perform|sector[- ]perform|rating|coverage)\\b"
            + "|(?:stays|remains|turns|grows|is|gets)\\s+(?:more\\s+)?(?:bullish|bearish|cautious|constructive|positive"
            + "|negative)\\b)");
    /**
     * A verb of the firm's own headcount after its name, a number and its people: {@code Deutsche Bank cuts 500 jobs},
     * {@code UBS adds 1,000 bankers}. An analyst cuts a target or a rating, not jobs.
     */
    private static final Pattern STAFF_CHANGE = Pattern.compile("(?i)^(?:now\\s+|also\\s+)?(?:cuts|slashes|trims|adds"
            + "|axes|sheds|lays off|hires|eliminates)\\s+(?:about\\s+|around\\s+|some\\s+|nearly\\s+|over\\s+"
            + "|more than\\s+|up to\\s+|another\\s+|roughly\\s+)?[\\d,.]+\\s*(?:k|m|thousand|hundred|million)?\\s+"
            + "(?:more\\s+|new\\s+|[a-z]+\\s+)?(?:jobs|workers|staff|employees|positions|roles|people|bankers|traders"
            + "|branches|offices|analysts)\\b");
    /** A firm acting on its own payout or pay: {@code Bank of America raises its dividend}. */
    private static final Pattern OWN_PAYOUT = Pattern.compile("(?i)^(?:now\\s+|also\\s+)?(?:raises|lifts|boosts"
            + "|hikes|ups|cuts|lowers|trims|slashes|suspends|resumes|doubles)\\s+(?:its|their)\\s+(?:quarterly\\s+"
            + "|annual\\s+|common\\s+|share\\s+)?(?:dividends?|payout|buybacks?|repurchases?|bonus(?:es)?|bonus pool"
            + "|pay|fees|workforce|headcount|staff)\\b");
    /** A firm's view on a topic opening a headline, before a colon: {@code Goldman On Gold: "Time To Buy ..."}. */
    private static final Pattern VIEW_ON = Pattern.compile(
            "^\\s+[Oo]n\\s+[A-Z][\\w&.'’-]*(?:\\s+[A-Z][\\w&.'’-]*){0,3}\\s*:");
    /** A view after a firm's name and a colon opening a headline: {@code Goldman: Nvidia remains a top pick}. */
    private static final Pattern OPINION = Pattern.compile("(?i)^:\\s+[^.!?]{0,60}\\b(?:top picks?|buy|sell|upside"
            + "|downside|target|bullish|bearish|overweight|underweight|outperform|underperform|overvalued|undervalued"
            + "|cheap|expensive|rating)\\b");
    /**
     * A market, a commodity or the economy right after a firm's name and a colon opening a headline: the firm's view of
     * it, as a possessive or before a verb of outlook ({@code HSBC: the dollar's slide is not over}, {@code UBS: gold
     * to $3,000}); not the firm's own business ({@code Barclays: bond trading revenue rises}). Hand-written.
     */
    private static final Pattern MARKET_VIEW = Pattern.compile("(?i)^:\\s+(?:the\\s+|a\\s+)?(?:[a-z]+\\s+)?"
            + "(?:gold|silver|copper|oil|crude|nickel|iron ore|lithium|wheat|commodit(?:y|ies)|dollar|yen|euro|sterling"
            + "|yuan|treasur(?:y|ies)|bonds?|yields?|equities|stocks|markets?|rates|inflation|recession|economy|fed"
            + "|ecb|s&p(?: 500)?|nasdaq|emerging markets)(?:'s|’s|\\s+(?:to|will|could|may|might|should|is|are|has"
            + "|have|set|seen|looks?|needs?|faces?|remains?|stays?)\\b)");
    /** Chiefs of the listed banks, whose words are the bank's own news. */
    private static final Set<String> CHIEFS = Set.of("Dimon", "Solomon", "Gorman", "Pick", "Moynihan", "Fraser",
            "Scharf", "Ermotti", "Blankfein", "Gallagher", "Demchak");

    /** A passive verb right after the name: the company is the one rated ({@code Sirius downgraded on valuation}). */
    private static final Pattern PASSIVE = Pattern.compile("(?i)^(?:upgraded|downgraded|initiated|started|cut|raised"
            + "|lowered|reiterated|resumed|reinstated)\\b");

    private AnalystRoles() {
    }

    /** Whether the firm {@code symbol}, written at [start, end) of {@code text}, is quoted as the analyst. */
    static boolean asAnalyst(String symbol, String text, int start, int end) {
        return FIRMS.contains(symbol) && (opinionSource(text, start, end)
                || strategist(text.substring(end, Math.min(text.length(), end + 70))));
    }

    /**
     * Whether the words around [start, end) of {@code text} quote a firm we do not list as the source of an opinion
     * ({@code price target raised at Benchmark}, {@code Baird likes ...}); {@code Sirius downgraded} is rated, not rating.
     */
    static boolean quoted(String text, int start, int end) {
        return !PASSIVE.matcher(text.substring(end, Math.min(text.length(), end + 20)).stripLeading()).find()
                && opinionSource(text, start, end);
    }

    private static boolean opinionSource(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 40), start);
        String after = text.substring(end, Math.min(text.length(), end + 40));
        if (BEFORE.matcher(before).find()) {
            return true;
        }
        if (AFTER.matcher(after.stripLeading()).find()) {
            // "Deutsche Bank cuts 500 jobs", "Bank of America raises its dividend": the firm's own news
            return !STAFF_CHANGE.matcher(after.stripLeading()).find() && !OWN_PAYOUT.matcher(after.stripLeading()).find();
        }
        if (after.startsWith(":") && start < 3 && OPINION.matcher(after).find()) {
            return true; // "Goldman: Nvidia remains a top pick", a firm's view as a headline's prefix
        }
        if (after.startsWith(":") && start < 3 && MARKET_VIEW.matcher(after).find()) {
            return true; // "HSBC: the dollar's slide is not over", a firm's view of a market
        }
        if (start < 3 && VIEW_ON.matcher(after).find()) {
            return true; // "Goldman On Gold: ...", "JPMorgan on the Fed: ...": the firm's view of a topic
        }
        return PUNCTUATION_BEFORE.matcher(before).find() && attributionAtEnd(after);
    }

    private static boolean strategist(String following) {
        if (following.isEmpty() || following.charAt(0) != '\'' && following.charAt(0) != '’'
                && following.charAt(0) != ' ') {
            return false;
        }
        Matcher person = PERSON_AFTER.matcher(following);
        if (person.find() && !CHIEFS.contains(person.group(1))) {
            return true;
        }
        Matcher forecaster = FORECASTER_AFTER.matcher(following);
        return forecaster.find() && !CHIEFS.contains(forecaster.group(1));
    }

    private static boolean attributionAtEnd(String after) {
        String rest = after.strip();
        return rest.isEmpty() || rest.startsWith("http") || rest.startsWith("#") || rest.startsWith("…");
    }
}
