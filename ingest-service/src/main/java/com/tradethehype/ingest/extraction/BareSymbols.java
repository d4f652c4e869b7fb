package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bare upper-case symbols ({@code NVDA}, not {@code $NVDA}). In parentheses ({@code Tiziana Life (TLSA)}) unless
 * the words before spell it out as an abbreviation ({@code Internet of Things (IOT)}); a word-like symbol in
 * parentheses only after its own company's name ({@code Osisko Gold Royalties Ltd (OR)}). Next to a market word
 * ({@code shares of NVDA}, {@code GME calls}, {@code buy PLTR}). In an ordinary sentence ({@code ... vs INTC},
 * {@code GOOGL and GOOG fell}) a symbol of three or more letters that is a company, or one of the ETFs quoted by
 * symbol in market wraps ({@code SPY closes at record high}); not a fund otherwise ({@code EPS}, {@code IPO} are
 * ETFs), not an exchange prefix ({@code ASX:DCN}), a hashtag, a model number ({@code 737 MAX}) or a phrase in
 * capitals ({@code LIVE NOW}). A share class after a dot counts as written ({@code BF.B}), and two classes of one
 * company in a list count together ({@code Z and ZG}). Word-like symbols (IT, ALL, CAN, ON ...) only with evidence of
 * a holding or a trade ({@code COST position}, {@code added to SHOP}, {@code a position in ARM}, {@code HOOD volume},
 * {@code own V than MA}) or in a list of tickers ({@code BAC, WFC and C}); never slang and news acronyms (DD, CEO,
 * WTI, IMF ...), or anything in a text written in capitals. A symbol before another company's trade word is that
 * company's ({@code CRH Medical}), also in title case. Short symbols after a wager or a trader's watch ({@code bets on
 * MU}, {@code Watching MO}), a list of symbols opening a clause before a price's verb ({@code CAT and DE slid}), and
 * another share class of a company the text names ({@code Zillow's ... ZG}) count too.
 */
final class BareSymbols {

    /** A bare symbol accepted, with where it is in the text. */
    record Match(String symbol, String text, int start) {
    }

    private static final Pattern BARE = Pattern.compile(
            "(?<![A-Za-z0-9_$.\\-&'’:])([A-Z]{1,5})(?:[.\\-]([A-Z]))?(?![A-Za-z0-9]|[.\\-'’&][A-Za-z0-9])");
    private static final Set<String> BEFORE = Set.of("buy", "buying", "bought", "sell", "selling", "sold", "long",
            "short", "shorting", "shorted", "holding", "hold", "added", "adding", "own", "ticker");
    private static final Set<String> BEFORE_OF = Set.of("shares", "stake", "stock", "calls", "puts", "options");
    /** A wager or a stance before {@code on}: {@code big bets on MU}, {@code bullish on CAT}. */
    private static final Set<String> BEFORE_ON = Set.of("bets", "bet", "betting", "wager", "wagers", "calls", "puts",
            "bullish", "bearish");
    /** Traders' verbs of attention before a symbol that is no word: {@code Watching MO and PM}. */
    private static final Set<String> WATCHING = Set.of("watching", "eyeing", "eyeballing", "stalking");
    private static final Set<String> AFTER = Set.of("shares", "share", "stock", "stocks", "calls", "puts", "options",
            "earnings", "eps", "revenue", "guidance", "dividend", "price", "pt", "holders", "bulls", "bears", "squeeze",
            "position", "leaps", "chart", "ipo", "volume");

    /** A trade's verbs right before a word-like symbol in capitals ({@code bought COST}); after {@code to}, {@code ADDED}. */
    private static final Set<String> TRADED_BEFORE = Set.of("bought", "sold", "trimmed", "shorted", "shorting",
            "buying", "selling", "trimming");
    private static final Set<String> ADDED = Set.of("added", "adding", "add");

    /** Words after a symbol that only a position in it takes: a word-like symbol before one is the ticker. */
    private static final Set<String> HOLDING_AFTER = Set.of("position", "positions", "calls", "puts", "leaps",
            "holders", "bulls", "bears", "shareholders", "volume");
    /**
     * Lower-case verbs of a trade or a holding right before a symbol of one or two letters: {@code I'd rather own V},
     * {@code bought T}. ({@code A} stays out: {@code buy A shares} is a share class.)
     */
    private static final Set<String> OWNED_BEFORE = Set.of("own", "owning", "bought", "buy", "buying", "sold", "sell",
            "selling", "short", "shorting", "shorted", "trimmed", "trimming");
    /** Short words a headline may write in capitals after a trade's verb opening it: {@code Buy IT now}. */
    private static final Set<String> SHORT_WORDS = Set.of("IT", "ON", "SO", "BE", "GO", "DO", "AN", "AT", "BY", "IF",
            "IN", "IS", "NO", "OR", "TO", "UP", "US", "WE", "AM", "AS", "ME", "MY", "OF", "OH", "OK", "HE", "IO");
    /**
     * A text about moving averages, where a bare {@code MA} is the average, not Mastercard: {@code the 50-day MA},
     * {@code 21 MA}, {@code EMA}, {@code moving average}.
     */
    private static final Pattern MOVING_AVERAGE = Pattern.compile(
            "\\b\\d+(?:-day|-week|d)?\\s*(?:MA|EMA|SMA)s?\\b|\\b[ES]MAs?\\b|(?i:\\bmoving averages?\\b)");
    /** A quantity between a trade's verb and a short symbol: {@code bought more O}, {@code sold some T}. */
    private static final Set<String> QUANTITY = Set.of("more", "some");
    /** A trader's feelings, which count as {@link #OWNED_BEFORE} in a text of market talk: {@code hate F now}. */
    private static final Set<String> OPINION_BEFORE = Set.of("hate", "hates", "hating", "love", "loves", "loving");
    /** Past and present verbs of a price after a list of symbols: {@code CAT and DE slid}. */
    private static final Set<String> MOVED = Set.of("slid", "fell", "rose", "dropped", "jumped", "gained", "climbed",
            "sank", "surged", "rallied", "tumbled", "soared", "plunged", "dipped", "rebounded", "spiked", "tanked",
            "slumped", "slipped", "popped", "lagged", "led", "outperformed", "underperformed", "rise", "fall", "drop",
            "jump", "gain", "climb", "sink", "surge", "rally", "tumble", "soar", "plunge", "dip", "rebound", "slide",
            "slip", "lag", "lead", "outperform", "underperform", "trade", "traded", "diverge", "diverged");

    /** A report's verbs right after a two-letter symbol make it the company: {@code MU reports after the bell}. */
    private static final Set<String> EARNINGS_AFTER = Set.of("reports", "beats", "misses", "tops", "guides",
            "earnings", "results");

    /**
     * A price's verbs right after a symbol of one or two letters that opens a clause: {@code KO hits an all-time high},
     * {@code T drops after the miss}.
     */
    private static final Set<String> MOVES_AFTER = Set.of("hits", "drops", "falls", "rises", "jumps", "slides",
            "slips", "climbs", "sinks", "surges", "gains", "rallies", "tumbles", "soars", "plunges", "dips", "rebounds",
            "spikes", "sheds", "tanks", "gaps");
    /**
     * Past-tense price verbs that, like {@link #MOVES_AFTER}, make a symbol of one or two letters opening a clause the
     * ticker when a number or a lower-case word follows: {@code ON sank 8% after ...}.
     */
    private static final Set<String> MOVED_AFTER = Set.of("fell", "rose", "dropped", "jumped", "gained", "climbed", "hit",
            "sank", "surged", "rallied", "tumbled", "soared", "plunged", "dipped", "rebounded", "spiked", "tanked",
            "slumped", "slipped", "slid", "popped", "gapped");
    /** Words of a trade, a position or a report that make {@code talking about DECK} a ticker's talk. */
    private static final Set<String> MARKET_TALK = Set.of("earnings", "guide", "guidance", "shares", "stock", "calls",
            "puts", "eps", "revenue", "position", "bullish", "bearish", "upside", "downside", "premarket", "options",
            "dividend", "dividends", "compounding", "compounder", "portfolio", "valuation", "buyback", "buybacks");
    /** Verbs of a lasting trend before a price's gerund: {@code ZS keeps grinding higher}, {@code MU continues sliding}. */
    private static final Set<String> CONTINUES = Set.of("keeps", "kept", "continues", "continued");
    /** A price's gerunds after {@link #CONTINUES}. */
    private static final Set<String> TRENDING = Set.of("grinding", "climbing", "rising", "falling", "sliding",
            "dropping", "rallying", "running", "ripping", "sinking", "tanking", "surging", "bleeding", "dumping",
            "pumping", "mooning", "melting", "trending", "printing", "compounding", "gaining", "losing",
            "going", "pushing", "fading", "dipping", "soaring", "crashing");
    /** Words that may follow the symbol talked about ({@code about DECK after ...}); a noun would make it a word. */
    private static final Set<String> AFTER_TALK = Set.of("after", "before", "ahead", "into", "here", "today", "now",
            "right", "since", "at", "and", "or", "but", "is", "was", "lately", "anymore", "yet", "again", "this");
    /** Verbs of talk before {@code about}: {@code talking about DECK}, not {@code learn more about DECK}. */
    private static final Set<String> TALK = Set.of("talking", "talk", "talks", "asking", "ask", "asks", "thinking",
            "think", "worried", "bullish", "bearish", "excited", "hearing", "hear", "care", "cares");
    /** Words of a span of time after a held symbol: {@code holding NOW through the split}. */
    private static final Set<String> HELD_UNTIL = Set.of("through", "thru", "into", "until", "till", "since",
            "past", "over");
    private static final Set<String> LOADED = Set.of("loaded", "loading", "load", "stocked", "stocking", "doubled",
            "doubling", "backed");

    /** Trades that end company names besides {@link CompanyNames#TRADE_WORDS}: {@code CRH Medical}. */
    static final Set<String> OTHER_TRADES = Set.of("medical", "health", "healthcare", "energy", "resources",
            "mining", "minerals", "metals", "gold", "oil", "gas", "petroleum", "bank", "insurance", "foods", "realty",
            "capital", "biologics", "bio", "therapeutic", "diagnostics", "devices", "robotics", "shipping", "marine",
            "markets", "securities", "midstream", "industrial");
    private static final Set<String> ETF_WORDS = Set.of("etf", "etfs", "etn", "fund", "funds", "trust");

    /** ETFs that market wraps and traders quote by bare symbol; other funds count bare only beside a market word. */
    private static final Set<String> QUOTED_ETFS = Set.of("SPY", "QQQ", "IWM", "DIA", "VOO", "VTI", "GLD", "SLV",
            "TLT", "HYG", "LQD", "EEM", "EFA", "XLF", "XLE", "XLK", "XLV", "XLU", "XLI", "XLP", "XLY", "XBI", "SMH",
            "SOXX", "SOXL", "TQQQ", "SQQQ", "UVXY", "VXX", "USO", "UNG", "GDX", "GDXJ", "ARKK", "KRE", "IBB", "JETS",
            "SPXL", "SPXS", "SDS", "QID", "BITO", "VWO", "IEMG", "VEA", "VXUS", "EWZ", "EWJ", "EWG", "EWU", "EWW", "EWY",
            "EWT", "EWC", "EWA", "EWH", "FXI", "MCHI", "KWEB", "INDA", "VNQ", "IYR", "XLC", "XLRE", "XLB", "XHB", "ITB",
            "XOP", "OIH", "KBE", "XRT", "XME", "XAR", "VGT", "VHT", "AGG", "BND", "IEF", "IEI", "JNK", "SGOV", "UUP",
            "COPX", "ICLN", "SOXS", "LABU", "LABD", "KOLD", "TZA", "UPRO", "SPXU", "SDOW", "UDOW", "SVXY", "VIXY", "RSP",
            "MDY", "IJR", "IJH", "IVV", "VUG", "VTV", "SCHD", "JEPI", "QQQM", "SPLG");

    /** Days and months, which may follow a symbol capitalised ({@code NVDA Friday}). */
    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
            "sept", "oct", "nov", "dec");
    /** An optional move word, then a signed or unsigned percentage. */
    private static final Pattern PRICE_MOVE = Pattern.compile("(?i)\\s*(?:\\(\\s*)?(?:(?:up|down|off|higher|lower|rose|fell"
            + "|gains?|gained|jumps?|jumped|slides?|slid|drops?|dropped|sinks?|sank|climbs?|climbed|rall(?:y|ies|ied)"
            + "|surges?|surged|plunges?|plunged|tumbles?|tumbled|falls?|rises?|soars?|soared|is|was"
            + "|gap(?:s|ped)? (?:up|down)"
            + "|(?:is|was|are|were) (?:up|down|off|higher|lower))\\s+)?"
            + "[+\\-\u2212]?\\d+(?:\\.\\d+)?\\s?%");

    /**
     * A price level or a flat close right after a fund's symbol, as market wraps write them: {@code VIG flat}, {@code URA
     * at a 52-week high}, {@code XLU unchanged}, {@code TLT near its lows}, {@code IDU close at records}.
     */
    private static final Pattern PRICE_LEVEL = Pattern.compile("^\\s*(?:(?:is|was|closed|closes|close|ended|ends|end"
            + "|finished|trades|traded|sits|sat|holds|held)\\s+)?(?:flat|unchanged|at (?:an? |new |fresh )?records?(?![\\w-])"
            + "|at (?:an? |its |the )?(?:new |fresh )?"
            + "(?:(?:\\d+|one|two|three|five|ten)[- ](?:week|month|year|day)|record|all[- ]time|multi[- ]year|yearly|annual)"
            + "[- ](?:highs?|lows?)|near (?:its |the )?(?:highs?|lows?|record)|(?:hits|hit|makes|made|sets|set|notches)"
            + " (?:an? |its |the )?(?:new |fresh )?(?:(?:\\d+|one|two|three|five|ten)[- ](?:week|month|year|day)|record"
            + "|all[- ]time|multi[- ]year) (?:highs?|lows?))\\b");

    /** Closed-end funds and trusts are not written bare in a sentence: {@code NXP} there is NXP Semiconductors. */
    private static final Pattern FUND = Pattern.compile(
            "(?i)\\b(?:fund|trust|portfolio|municipal|etf|etn|ishares|proshares|spdr|invesco)\\b");
    /** A fund spoken of in a text: {@code the DJIA ETF}, {@code the fund's}. */
    static final Pattern FUND_WORD = Pattern.compile("(?i)\\b(?:etfs?|etns?|funds?|fund's)\\b");

    /** Whether a security's name is a fund's ({@code Global X Dow 30 Covered Call ETF}, {@code SPDR Gold Trust}). */
    static boolean fundName(String name) {
        return FUND.matcher(name).find();
    }

    private final TickerUniverse universe;
    private final WordLists words;
    /**
     * Symbols that are also the whole name of another company, whose own title does not start with them: bare in a
     * sentence, {@code BYD outsells its rivals} is BYD Co (BYDDF), not Boyd Gaming (BYD); {@code PRA} is PRA Group as
     * often as ProAssurance.
     */
    private final Set<String> otherCompanysName;

    BareSymbols(TickerUniverse universe, WordLists words) {
        this.universe = universe;
        this.words = words;
        this.otherCompanysName = otherCompanysNames(universe);
    }

    /**
     * Whether the text writes, in capitals, a symbol that is another company's whole name ({@code BYD outsells its
     * rivals}): a per-ticker feed's item naming that company is not about the feed's own.
     */
    boolean namesOtherCompany(String text) {
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            if (m.group(2) == null && otherCompanysName.contains(m.group(1)) && !mostlyCapitals(text)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> otherCompanysNames(TickerUniverse universe) {
        Map<String, Long> nameOwner = new HashMap<>();
        for (Listing company : universe.companies()) {
            if (company.cik() != 0 && !company.etf()) {
                String shortForm = CompanyNames.stripSuffixes(NormalisedText.fold(CompanyNames.cleanTitle(company.name())));
                if (shortForm.length() >= 3 && shortForm.indexOf(' ') < 0) {
                    nameOwner.putIfAbsent(shortForm, company.cik());
                }
            }
        }
        Set<String> out = new HashSet<>();
        for (Listing company : universe.companies()) {
            String symbol = company.symbol();
            Long owner = nameOwner.get(symbol.toLowerCase());
            if (symbol.length() >= 3 && owner != null && owner != company.cik() && !NormalisedText.fold(
                    CompanyNames.cleanTitle(company.name())).startsWith(symbol.toLowerCase() + " ")) {
                out.add(symbol);
            }
        }
        return Set.copyOf(out);
    }

    List<Match> find(String text) {
        return find(text, Set.of());
    }

    /**
     * The bare symbols of {@code text}; {@code namedCiks} are the companies the text names, whose other share classes
     * count bare whatever their length ({@code Zillow's Z shares and ZG, its class A}).
     */
    List<Match> find(String text, Set<Long> namedCiks) {
        List<Match> found = new ArrayList<>();
        if (mostlyCapitals(text) && shouting(text)) {
            return found;
        }
        List<Match> waiting = new ArrayList<>();
        List<Match> wordLike = new ArrayList<>();
        Boolean titleCase = null;
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            String symbol = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
            if (universe.contains(symbol) && words.slang.contains(symbol) && namedBefore(text, m.start(), symbol)) {
                found.add(new Match(symbol, "(" + m.group() + ")", m.start())); // "Eaton (ETN)": its own name before
                continue;
            }
            if (!universe.contains(symbol) || words.slang.contains(symbol) || glued(text, m)
                    || legalFormAfterName(text, m) || shouted(text, m)) {
                continue;
            }
            if (m.start() > 0 && text.charAt(m.start() - 1) == '/') {
                if (classAfterSlash(text, m.start(), symbol)) {
                    found.add(new Match(symbol, m.group(), m.start())); // "GOOG/GOOGL"
                }
                continue;
            }
            if (words.isWordLike(m.group(1)) && !QUOTED_ETFS.contains(symbol)) {
                if (namedBefore(text, m.start(), symbol)) {
                    found.add(new Match(symbol, "(" + m.group() + ")", m.start()));
                } else if (holding(text, m.group(1), m.start(), m.end()) || contentWord(text, m.group(1), m.start(),
                        m.end()) && (priceMove(text, m.end()) || traded(text, m.start()))
                        || ownedShort(text, m.group(1), m.start(), m.end()) || loadedUpOn(text, m.group(1), m.start(),
                        m.end()) || m.group(1).length() <= 2 && moves(text, m.group(1), m.start(), m.end())
                        || contentWord(text, m.group(1), m.start(), m.end()) && talkedAbout(text, m.start(), m.end())) {
                    found.add(new Match(symbol, m.group(), m.start())); // "COST position", "CAT -2%", "added to SHOP"
                } else {
                    wordLike.add(new Match(symbol, m.group(), m.start()));
                }
                continue;
            }
            boolean parenthesised = m.start() > 0 && text.charAt(m.start() - 1) == '('
                    && m.end() < text.length() && text.charAt(m.end()) == ')';
            if (parenthesised) {
                if (!abbreviates(text, m.start() - 1, m.group(1))) {
                    found.add(new Match(symbol, "(" + m.group() + ")", m.start()));
                }
                continue;
            }
            if (startsProperNoun(text, m.end()) && ownNameContinues(text, m.end(), symbol)) {
                if (!prefixOrTag(text, m.start(), m.end())) {
                    found.add(new Match(symbol, m.group(), m.start())); // "TD Bank", "KT Corporation"
                }
                continue;
            }
            if (startsProperNoun(text, m.end())) {
                if (otherTrade(text, m.end())) {
                    continue; // "CRH Medical acquires ...": another company's name, in title case too
                }
                if (titleCase == null) {
                    titleCase = NameCues.titleCase(text);
                }
                if (!titleCase) {
                    continue; // "buy TD Ameritrade": the symbol is the first word of another name
                }
            }
            switch (accepted(text, symbol, m)) {
                case YES -> found.add(new Match(symbol, m.group(), m.start()));
                case IN_A_LIST -> waiting.add(new Match(symbol, m.group(), m.start()));
                default -> { }
            }
        }
        if (!waiting.isEmpty() || !wordLike.isEmpty()) {
            shareClassPairs(found, waiting, wordLike, text);
            listBeforeMove(found, waiting, wordLike, text);
            if (!found.isEmpty()) {
                rotations(found, waiting, wordLike, text);
            }
            if (!namedCiks.isEmpty()) {
                classesOfNamed(found, waiting, namedCiks);
                classesOfNamed(found, wordLike, namedCiks);
            }
            classesOfFound(found, waiting, wordLike, text);
        }
        List<Match> all = waiting.isEmpty() ? found : withListed(found, waiting, text);
        if (text.indexOf(".TO") > 0) {
            all = new ArrayList<>(all);
            torontoListings(text, all);
        }
        return wordLike.isEmpty() ? all : withShareClasses(all, wordLike, text);
    }

    private static final Pattern TORONTO = Pattern.compile("(?<![A-Za-z0-9_$.\\-])([A-Z]{1,5})\\.TO(?![A-Za-z0-9])");

    /**
     * Adds the symbols written with Toronto's suffix whose US listing is the same company ({@code SLF.TO} is Sun
     * Life, SLF): one whose filer also trades over the counter as a foreign issuer (a five-letter symbol ending in
     * {@code F}). {@code ESI.TO} and {@code ADN.TO} are other companies than the US ESI and ADN.
     */
    private void torontoListings(String text, List<Match> found) {
        Matcher m = TORONTO.matcher(text);
        while (m.find()) {
            Listing listing = universe.listing(m.group(1));
            if (listing == null || listing.cik() == 0 || listing.etf() || "OTC".equals(listing.exchange())) {
                continue;
            }
            for (String other : universe.symbolsOfCik(listing.cik())) {
                Listing otc = universe.listing(other);
                if (other.length() == 5 && other.endsWith("F") && otc != null && "OTC".equals(otc.exchange())) {
                    found.add(new Match(m.group(1), m.group(), m.start()));
                    break;
                }
            }
        }
    }

    /**
     * Moves to {@code found} the symbols, each too short or too word-like alone, that stand in one list with another
     * share class of the same company: {@code Z and ZG} are Zillow's two classes, which nobody lists by chance.
     */
    private void shareClassPairs(List<Match> found, List<Match> waiting, List<Match> wordLike, String text) {
        List<Match> candidates = new ArrayList<>(waiting);
        candidates.addAll(wordLike);
        for (Match a : candidates) {
            long cik = universe.listing(a.symbol()).cik();
            int end = a.start() + a.text().length();
            for (Match b : candidates) {
                if (cik != 0 && !a.symbol().equals(b.symbol()) && universe.listing(b.symbol()).cik() == cik
                        && (NameCues.listed(text, end, b.start())
                        || NameCues.listed(text, b.start() + b.text().length(), a.start()))) {
                    if (waiting.remove(a) || wordLike.remove(a)) {
                        found.add(a);
                    }
                    break;
                }
            }
        }
        for (Match a : List.copyOf(candidates)) {
            long cik = universe.listing(a.symbol()).cik();
            if (cik == 0 || !classApposition(text, a.start() + a.text().length())) {
                continue;
            }
            List<Match> others = new ArrayList<>(found);
            others.addAll(candidates);
            for (Match b : others) {
                if (!a.symbol().equals(b.symbol()) && universe.listing(b.symbol()).cik() == cik) {
                    if (waiting.remove(a) || wordLike.remove(a)) {
                        found.add(a);
                    }
                    break;
                }
            }
        }
        found.sort((x, y) -> Integer.compare(x.start(), y.start()));
    }

    /** Apposition naming a share class: {@code FOX, the voting class}, {@code ZG, its class A shares}. */
    private static final Pattern CLASS_APPOSITION = Pattern.compile(
            "^,\\s+(?:the|its)\\s+(?:[a-z-]+\\s+){0,2}(?:class|shares)\\b");

    /**
     * Whether an apposition naming a share class follows {@code end}: {@code FOXA rose while FOX, the voting class, was
     * flat}. Alone, {@code FOX} is a word; beside another class of its company named as a class, the ticker.
     */
    private static boolean classApposition(String text, int end) {
        return end < text.length() && text.charAt(end) == ','
                && CLASS_APPOSITION.matcher(text.substring(end, Math.min(text.length(), end + 40))).find();
    }

    /**
     * Moves to {@code found} a symbol that a rotation's other end, a symbol found, names: {@code Switched from QCOM to
     * ARM}, {@code out of XOM into OXY}, {@code from ARM to QCOM}. Only a trade moves money from one symbol to another.
     */
    private void rotations(List<Match> found, List<Match> waiting, List<Match> wordLike, String text) {
        List<Match> candidates = new ArrayList<>(waiting);
        for (Match w : wordLike) {
            int end = end(w);
            if (contentWord(text, w.text(), w.start(), end) || shortListable(text, w.text(), w.start(), end)) {
                candidates.add(w);
            }
        }
        for (Match c : candidates) {
            for (Match f : List.copyOf(found)) {
                if (rotation(text, f, c) || rotation(text, c, f)) {
                    if (waiting.remove(c) || wordLike.remove(c)) {
                        found.add(c);
                    }
                    break;
                }
            }
        }
        found.sort((x, y) -> Integer.compare(x.start(), y.start()));
    }

    /** Whether the text reads {@code from A to B} or {@code out of A into B}. */
    private static boolean rotation(String text, Match from, Match to) {
        int gap = to.start() - end(from);
        String between = gap > 0 && gap <= 6 ? text.substring(end(from), to.start()) : "";
        String before = text.substring(Math.max(0, from.start() - 7), from.start()).toLowerCase();
        return between.equals(" to ") && before.endsWith("from ")
                || between.equals(" into ") && before.endsWith("out of ");
    }

    /**
     * Whether a trade's verb comes right before {@code start}: {@code added to SHOP}, {@code a small position in ARM},
     * {@code trimmed ARM}. A word-like symbol there, written in capitals, is the ticker.
     */
    private static boolean traded(String text, int start) {
        List<String> left = Words.lower(text, Math.max(0, start - 30), start);
        int n = left.size();
        if (n == 0 || start == 0 || text.charAt(start - 1) != ' ') {
            return false;
        }
        String previous = left.get(n - 1);
        String beforePrevious = n >= 2 ? left.get(n - 2) : "";
        return TRADED_BEFORE.contains(previous) || previous.equals("to") && ADDED.contains(beforePrevious)
                || previous.equals("in") && (beforePrevious.equals("position") || beforePrevious.equals("positions")
                || beforePrevious.equals("stake")) || previous.equals("on") && BEFORE_ON.contains(beforePrevious);
    }

    /**
     * Whether a symbol of one or two letters follows a lower-case verb of a trade or a holding and ends its clause or
     * comes before {@code than}: {@code I'd rather own V than MA}, {@code sold T today}; not {@code buy A shares}.
     */
    private static boolean ownedShort(String text, String letters, int start, int end) {
        if (letters.length() > 2 || letters.equals("A") || letters.equals("I") || start < 2
                || text.charAt(start - 1) != ' ') {
            return false;
        }
        if (letters.equals("MA") && MOVING_AVERAGE.matcher(text).find()) {
            return false; // "the 50-day MA crossed the 200-day MA, short MA points up": the average
        }
        String previous = Words.previous(text, start);
        boolean opening = false;
        if (QUANTITY.contains(previous)) {
            int verb = start - previous.length() - 1;
            previous = Words.previous(text, verb); // "bought more O", "sold some T"
            if (opensClause(text, verb - previous.length() - 1)) {
                previous = previous.toLowerCase(); // "Bought more O for the dividend"
            }
        } else if (opensClause(text, start - previous.length() - 1)) {
            previous = previous.toLowerCase(); // "Long MA, short V into the print", "Sold T today"
            opening = true;
        }
        if (opening && SHORT_WORDS.contains(letters)) {
            return false; // "Buy IT now", "Sell ON the news": at a clause's head, a word in capitals
        }
        // "Long MA, short V", "Short V, long MA"; not "the long MA crossed": a moving average
        int word = start - 1 - previous.length();
        boolean longPosition = previous.equals("long") && (opening
                || word >= 2 && text.charAt(word - 1) == ' ' && text.charAt(word - 2) == ',');
        if (!OWNED_BEFORE.contains(previous) && !longPosition
                && !(OPINION_BEFORE.contains(previous) && marketTalk(text))) {
            return false;
        }
        String next = Words.next(text, end);
        return end == text.length() || ",.;:!?)".indexOf(text.charAt(end)) >= 0
                || !next.isEmpty() && Character.isLowerCase(next.charAt(0)) && !next.equals("shares")
                && !next.equals("share") && !next.equals("class");
    }

    /**
     * Adds the word-like symbols that stand in one list with another share class of the same company ({@code FOX and
     * FOXA}), or, when no function word, with any symbol found ({@code AAPL, COST and WMT}). Alone, {@code FOX} is a
     * word.
     */
    private List<Match> withShareClasses(List<Match> found, List<Match> wordLike, String text) {
        List<Match> out = new ArrayList<>(found);
        for (Match candidate : wordLike) {
            long cik = universe.listing(candidate.symbol()).cik();
            int end = candidate.start() + candidate.text().length();
            boolean content = contentWord(text, candidate.text(), candidate.start(), end)
                    || shortListable(text, candidate.text(), candidate.start(), end);
            if (found.stream().anyMatch(f -> (content || cik != 0 && universe.listing(f.symbol()).cik() == cik
                    || inTickerList(found, f, text)) && (NameCues.listed(text, f.start() + f.text().length(),
                    candidate.start()) || NameCues.listed(text, end, f.start())))
                    || !words.isFunctionWord(candidate.text().toLowerCase()) && found.stream().anyMatch(f ->
                    compared(text, f.start() + f.text().length(), candidate.start()))
                    || pairedOpening(found, candidate, text)) {
                out.add(candidate); // "FOX and FOXA", "AAPL, COST and WMT", "BAC, WFC and C", "own V than MA"
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    /**
     * Whether the word-like symbol, a function word too, opens the text or a clause in capitals and is listed right
     * before a symbol found that is no word, of three letters or more: {@code SO and DUK are my utilities}. A clause
     * does not open on a function word in capitals followed by a ticker unless both are tickers.
     */
    private boolean pairedOpening(List<Match> found, Match candidate, String text) {
        int end = candidate.start() + candidate.text().length();
        if (candidate.text().length() < 2 || !opensClause(text, candidate.start())
                || inCapitalPhrase(text, candidate.start(), end)) {
            return false;
        }
        return found.stream().anyMatch(f -> f.start() > end && f.text().length() >= 3
                && !words.isWordLike(f.text().replace(".", "")) && NameCues.listed(text, end, f.start()));
    }

    /** Whether {@code f} stands in one list with another symbol found: a list of tickers ({@code BAC, WFC and ...}). */
    private static boolean inTickerList(List<Match> found, Match f, String text) {
        int end = f.start() + f.text().length();
        return found.stream().anyMatch(g -> g != f && (NameCues.listed(text, g.start() + g.text().length(), f.start())
                || NameCues.listed(text, end, g.start())));
    }

    /**
     * A word-like symbol of one or two letters that is no function word (not {@code A}, {@code I}, {@code DE}), not in
     * a phrase in capitals: beside a symbol found it is one too ({@code Watching MO and PM}).
     */
    private boolean shortListable(String text, String letters, int start, int end) {
        return letters.length() <= 2 && !letters.equals("A") && !letters.equals("I")
                && !words.isFunctionWord(letters.toLowerCase()) && !inCapitalPhrase(text, start, end);
    }

    /**
     * Moves to {@code found} the symbols of a list of two or more that opens the text or a clause and is the subject of
     * a price's verb: {@code CAT and DE slid as orders weakened}, {@code MO and PM both rose}. Alone, each could be a
     * word; as a list before a market's verb they are tickers.
     */
    private void listBeforeMove(List<Match> found, List<Match> waiting, List<Match> wordLike, String text) {
        List<Match> all = new ArrayList<>(found);
        all.addAll(waiting);
        all.addAll(wordLike);
        all.sort((x, y) -> Integer.compare(x.start(), y.start()));
        int first = 0;
        while (first < all.size()) {
            int last = first;
            while (last + 1 < all.size() && NameCues.listed(text, end(all.get(last)), all.get(last + 1).start())) {
                last++;
            }
            if (last > first && opensClause(text, all.get(first).start()) && movedAfter(text, end(all.get(last)))) {
                for (Match member : all.subList(first, last + 1)) {
                    String letters = member.text();
                    if (!letters.equals("A") && !letters.equals("I")
                            && (waiting.remove(member) || wordLike.remove(member))) {
                        found.add(member);
                    }
                }
            }
            first = last + 1;
        }
        found.sort((x, y) -> Integer.compare(x.start(), y.start()));
    }

    private static int end(Match match) {
        return match.start() + match.text().length();
    }

    /** Whether only spaces, and before them the text's start or a clause's punctuation, come before {@code start}. */
    private static boolean opensClause(String text, int start) {
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        return before < 0 || ".;:!?|-–—\"“".indexOf(text.charAt(before)) >= 0;
    }

    /** A price's verb right after, or after {@code both} or {@code all}: {@code slid}, {@code both fell}. */
    private static boolean movedAfter(String text, int end) {
        String next = Words.next(text, end).toLowerCase();
        if (next.equals("both") || next.equals("all")) {
            next = Words.next(text, end + 1 + next.length()).toLowerCase();
        }
        return MOVED.contains(next) || MOVES_AFTER.contains(next);
    }

    /**
     * Moves to {@code found} the candidates, of two letters or more and no function word, that are another share class
     * of a symbol found: {@code UAA outperformed UA this year}. Two classes of one company rarely meet by chance.
     */
    private void classesOfFound(List<Match> found, List<Match> waiting, List<Match> wordLike, String text) {
        Set<Long> foundCiks = new HashSet<>();
        for (Match f : found) {
            long cik = universe.listing(f.symbol()).cik();
            if (cik != 0) {
                foundCiks.add(cik);
            }
        }
        if (foundCiks.isEmpty()) {
            return;
        }
        for (List<Match> candidates : List.of(waiting, wordLike)) {
            for (Match candidate : List.copyOf(candidates)) {
                long cik = universe.listing(candidate.symbol()).cik();
                String letters = candidate.text();
                if (cik != 0 && foundCiks.contains(cik) && letters.length() >= 2
                        && !words.isFunctionWord(letters.toLowerCase())
                        && !inCapitalPhrase(text, candidate.start(), end(candidate))) {
                    candidates.remove(candidate);
                    found.add(candidate);
                }
            }
        }
        found.sort((x, y) -> Integer.compare(x.start(), y.start()));
    }

    /** Moves to {@code found} the candidates that are a share class of a company the text names. */
    private void classesOfNamed(List<Match> found, List<Match> candidates, Set<Long> namedCiks) {
        for (Match candidate : List.copyOf(candidates)) {
            long cik = universe.listing(candidate.symbol()).cik();
            if (cik != 0 && namedCiks.contains(cik)) {
                candidates.remove(candidate);
                found.add(candidate);
            }
        }
        found.sort((x, y) -> Integer.compare(x.start(), y.start()));
    }

    /** A word-like symbol of three letters or more that is no function word, not in a phrase in capitals. */
    private boolean contentWord(String text, String letters, int start, int end) {
        return letters.length() >= 3 && !words.isFunctionWord(letters.toLowerCase()) && !inCapitalPhrase(text, start, end);
    }

    /**
     * A word-like symbol of three letters or more that is no function word, written in capitals right before a word
     * only a holding takes: {@code my entire COST position}, {@code CAT calls}. {@code ALL shares} is emphasis.
     */
    private boolean holding(String text, String letters, int start, int end) {
        if (!contentWord(text, letters, start, end)) {
            return false;
        }
        List<String> right = Words.lower(text, end, Math.min(text.length(), end + 20));
        return !right.isEmpty() && HOLDING_AFTER.contains(right.get(0)) && end < text.length()
                && text.charAt(end) == ' ';
    }

    private enum Verdict { YES, NO, IN_A_LIST }

    /** Adds the short symbols that stand in one list with a symbol found: {@code KO and PEP}, {@code AMD, MU, INTC}. */
    private static List<Match> withListed(List<Match> found, List<Match> waiting, String text) {
        boolean more = !found.isEmpty();
        while (more) {
            more = false;
            for (Match candidate : List.copyOf(waiting)) {
                int end = candidate.start() + candidate.text().length();
                if (found.stream().anyMatch(f -> NameCues.listed(text, f.start() + f.text().length(), candidate.start())
                        || NameCues.listed(text, end, f.start()) || compared(text, f.start() + f.text().length(),
                        candidate.start()) || compared(text, end, f.start()))) {
                    found.add(candidate);
                    waiting.remove(candidate);
                    more = true;
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /**
     * Whether the symbol after a slash is another share class of the symbol before it: {@code GOOG/GOOGL}, not
     * {@code w/NVDA} or {@code EUR/USD}.
     */
    private boolean classAfterSlash(String text, int start, String symbol) {
        int end = start - 1;
        int from = end;
        while (from > 0 && (Character.isUpperCase(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        if (from == end || from > 0 && Character.isLetterOrDigit(text.charAt(from - 1))) {
            return false;
        }
        String before = text.substring(from, end);
        Listing other = universe.listing(before);
        return other != null && !before.equals(symbol) && other.cik() != 0
                && other.cik() == universe.listing(symbol).cik();
    }

    /** Letters beyond ASCII right before or after: {@code KOSÉ} is a name, not KOS. */
    private static boolean glued(String text, Matcher m) {
        return m.end() < text.length() && text.charAt(m.end()) > 127 && Character.isLetter(text.charAt(m.end()))
                || m.start() > 0 && text.charAt(m.start() - 1) > 127 && Character.isLetter(text.charAt(m.start() - 1));
    }

    /** A legal form after a name, not a ticker: {@code Sonova Holding AG reports}, {@code Banco Santander SA}. */
    private static boolean legalFormAfterName(String text, Matcher m) {
        return m.group(2) == null && m.group(1).length() <= 3 && CompanyNames.legalForm(m.group(1).toLowerCase()) != null
                && Words.capitalised(Words.previous(text, m.start()))
                && !NameContext.lead(Words.previous(text, m.start()).toLowerCase()); // not "Buy SE"
    }

    /**
     * An English word shouted with an exclamation mark, not a ticker: {@code $BIIB BOOM!}; or an interjection opening
     * the text or a sentence before a comma or an exclamation's first words: {@code WOW what a day for NVDA},
     * {@code NICE, another beat} ({@code NICE reports ...} stays NICE Ltd).
     */
    private boolean shouted(String text, Matcher m) {
        if (m.group(2) != null) {
            return false;
        }
        if (m.end() < text.length() && text.charAt(m.end()) == '!' && words.isEnglish(m.group(1).toLowerCase())) {
            return true;
        }
        if (!INTERJECTIONS.contains(m.group(1)) || !sentenceStart(text, m.start())) {
            return false;
        }
        return m.end() < text.length() && (text.charAt(m.end()) == ',' || text.charAt(m.end()) == '.')
                || EXCLAIMED.contains(Words.next(text, m.end()));
    }

    /** Interjections that traders shout in capitals and that some company took as its symbol. */
    private static final Set<String> INTERJECTIONS = Set.of("WOW", "BOOM", "NICE", "HUGE", "YES", "WHOA", "YIKES",
            "OMG", "BAM", "YUP", "NOPE", "DAMN", "HOLY", "SWEET", "WILD", "INSANE", "CRAZY");
    /** First words of an exclamation after an interjection: {@code WOW what a day}. */
    private static final Set<String> EXCLAIMED = Set.of("what", "look", "that", "this", "just", "so", "such", "how",
            "another");

    /** Whether {@code start} opens the text or a sentence. */
    private static boolean sentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i < 0 || ".!?:\n".indexOf(text.charAt(i)) >= 0;
    }

    /**
     * Whether a symbol of one or two letters (not {@code A} or {@code I}) opens the text or a clause and a price's verb
     * follows, then a word in lower case or a number: {@code KO hits an all-time high}, {@code T drops after ...}.
     */
    private boolean moves(String text, String letters, int start, int end) {
        String verb = Words.next(text, end);
        int verbEnd = end + 1 + verb.length();
        if (CONTINUES.contains(verb) && verbEnd < text.length() && text.charAt(verbEnd) == ' ') {
            String gerund = Words.next(text, verbEnd); // "ZS keeps grinding higher every week"
            if (TRENDING.contains(gerund)) {
                verb = verb + " " + gerund;
            }
        }
        if (letters.length() > 2 || letters.equals("A") || letters.equals("I")
                || !MOVES_AFTER.contains(verb) && !MOVED_AFTER.contains(verb) && verb.indexOf(' ') < 0) {
            return false;
        }
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        if (before >= 0 && ".;:!?|-–—\"“".indexOf(text.charAt(before)) < 0) {
            return false;
        }
        int afterVerb = end + 1 + verb.length();
        if (afterVerb >= text.length()) {
            return true;
        }
        if (text.charAt(afterVerb) != ' ' || afterVerb + 1 >= text.length()) {
            return false;
        }
        char following = text.charAt(afterVerb + 1);
        return Character.isLowerCase(following) || Character.isDigit(following) || "+-$".indexOf(following) >= 0;
    }

    /**
     * Whether {@code loaded up on} (or {@code stocked up on} ...) comes right before ({@code Loaded up on NOW}), or
     * {@code holding} with a span of time after ({@code Still holding NOW through the split}).
     */
    private boolean loadedUpOn(String text, String letters, int start, int end) {
        if (letters.length() < 2 || inCapitalPhrase(text, start, end)) {
            return false;
        }
        List<String> left = Words.lower(text, Math.max(0, start - 25), start);
        int n = left.size();
        if (n >= 1 && start > 0 && text.charAt(start - 1) == ' ' && left.get(n - 1).equals("holding")) {
            String next = Words.next(text, end).toLowerCase(); // "Still holding NOW through the split"
            return end == text.length() || HELD_UNTIL.contains(next) && end < text.length() && text.charAt(end) == ' ';
        }
        return n >= 3 && start > 0 && text.charAt(start - 1) == ' ' && left.get(n - 1).equals("on")
                && left.get(n - 2).equals("up") && LOADED.contains(left.get(n - 3));
    }

    /**
     * Whether a verb of talk and {@code about} come right before, no noun follows and the text talks of a trade, a
     * position or a report:
     * {@code Nobody is talking about DECK after that guide}; not {@code Learn more about CASH}, nor {@code about DECK
     * building}.
     */
    private static boolean talkedAbout(String text, int start, int end) {
        if (!Words.previous(text, start).equals("about")) {
            return false;
        }
        List<String> left = Words.lower(text, Math.max(0, start - 25), start);
        if (left.size() < 2 || !TALK.contains(left.get(left.size() - 2))) {
            return false;
        }
        String next = Words.next(text, end);
        return (next.isEmpty() || AFTER_TALK.contains(next)) && marketTalk(text);
    }

    /** Whether the text talks of a trade, a position, a report or a dividend anywhere. */
    private static boolean marketTalk(String text) {
        for (String word : Words.lower(text, 0, text.length())) {
            if (MARKET_TALK.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether only {@code than} or {@code over} stands between two symbols: {@code own V than MA}, {@code AMD over MU}. */
    private static boolean compared(String text, int end, int start) {
        return start - end == 6 && (text.startsWith(" than ", end) || text.startsWith(" over ", end));
    }

    /**
     * Whether the capitalised word after a symbol (not its own title's: that case is taken first) is a trade that ends
     * another company's name: {@code CRH Medical}, {@code AMC Networks}, {@code PTC Therapeutics}.
     */
    private static boolean otherTrade(String text, int end) {
        String next = Words.next(text, end).toLowerCase();
        return CompanyNames.TRADE_WORDS.contains(next) || OTHER_TRADES.contains(next);
    }

    /** A capitalised word right after the symbol that is not a day or a month: {@code TD Ameritrade}, {@code BP Pulse}. */
    private static boolean startsProperNoun(String text, int end) {
        String next = Words.next(text, end);
        return next.length() >= 3 && Words.capitalised(next) && !CALENDAR.contains(next.toLowerCase());
    }

    /**
     * Whether the capitalised word after the symbol continues its own company's name ({@code ZTO Express}, {@code TJX
     * Companies}), ends its title ({@code TD Bank}) or is a legal form of it ({@code KT Corporation}), unlike
     * {@code TD Ameritrade}.
     */
    private boolean ownNameContinues(String text, int end, String symbol) {
        String next = Words.next(text, end).toLowerCase();
        Listing listing = universe.listing(symbol);
        if (CompanyNames.descriptor(next) && listing.cik() != 0 && !listing.etf()) {
            return true; // "XPO Logistics", as the company was called (not "CSB Bancorp" beside the ETF CSB)
        }
        String title = NormalisedText.fold(listing.name());
        if (next.length() >= 4 && CompanyNames.legalForm(next) == null
                && CompanyNames.stripSuffixes(title.replace("(", "").replace(")", "")).endsWith(" " + next)) {
            return true; // "TD Bank" of Toronto-Dominion Bank
        }
        if (!title.startsWith(symbol.toLowerCase() + " ")) {
            return false;
        }
        String form = CompanyNames.legalForm(next);
        return title.startsWith(symbol.toLowerCase() + " " + next)
                || form != null && List.of(title.split(" ")).stream().anyMatch(w -> form.equals(CompanyNames.legalForm(w)));
    }

    /** A price move right after the symbol: {@code MU off 2%}, {@code KO +1.5%}, {@code GE down 3.1%}, {@code SNOW gapped up 15%}. */
    static boolean priceMove(String text, int end) {
        Matcher move = PRICE_MOVE.matcher(text);
        move.region(end, Math.min(text.length(), end + 25));
        return move.lookingAt();
    }

    /** Whether the words right before {@code (} start with the letters of {@code symbol} ({@code Initial Public Offering (IPO)}). */
    static boolean abbreviates(String text, int paren, String symbol) {
        String[] before = text.substring(Math.max(0, paren - 80), paren).trim().split("[\\s\\-]+");
        StringBuilder initials = new StringBuilder();
        for (int i = before.length - 1; i >= 0 && initials.length() < symbol.length(); i--) {
            if (!before[i].isEmpty()) {
                initials.insert(0, Character.toUpperCase(before[i].charAt(0)));
            }
        }
        return initials.toString().equals(symbol);
    }

    /** Outside parentheses: beside a market word, or a company (or quoted ETF) in an ordinary sentence. */
    private Verdict accepted(String text, String symbol, Matcher m) {
        if (prefixOrTag(text, m.start(), m.end())) {
            return Verdict.NO; // "#FDM #Stock" is a hashtag, whatever follows it
        }
        if (marketWordNear(text, m.start(), m.end())) {
            return Verdict.YES;
        }
        if (QUOTED_ETFS.contains(symbol)) {
            return Verdict.YES;
        }
        Listing listing = universe.listing(symbol);
        if ((listing.etf() || FUND.matcher(listing.name()).find()) && m.group(1).length() >= 3
                && (etfNamed(text, m.start(), m.end()) || fundTalk(text))) {
            return Verdict.YES; // "Oil ETF USO", "VXUS ETF": ETF is no shout; "Bitcoin fund IBIT", a trust unflagged
        }
        if (inCapitalPhrase(text, m.start(), m.end())) {
            return Verdict.NO;
        }
        if (listing.etf()) {
            // an ETF not quoted by symbol counts in a list with one that is ("VTI and VXUS")
            return m.group(1).length() < 3 ? Verdict.NO : priceMove(text, m.end())
                    || PRICE_LEVEL.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 40))).find()
                    ? Verdict.YES : Verdict.IN_A_LIST; // "URA at a 52-week high", "VIG flat"
        }
        if (FUND.matcher(listing.name()).find()) {
            return Verdict.NO;
        }
        if (m.group(2) == null && otherCompanysName.contains(symbol)) {
            return Verdict.IN_A_LIST; // "BYD outsells its rivals": another company's name, a ticker only among tickers
        }
        // "BF.B": a share class after a dot is ticker notation, whatever the length
        boolean named = m.group(1).length() >= 3 || m.group(2) != null || ownName(listing)
                || priceMove(text, m.end()) || reports(text, m) || moves(text, m.group(1), m.start(), m.end())
                || talkedAbout(text, m.start(), m.end()) // "Nobody talks about WM but it keeps compounding"
                || tradedShort(text, m.start(), m.end()) || ownGuidance(text, m.start(), m.end());
        return named ? Verdict.YES : Verdict.IN_A_LIST;
    }

    /**
     * A trader's words around a short symbol that is no word: a position or a flow in it ({@code a small position in
     * MU}, {@code heavy call buying in MU}), a target for it ({@code your price target for ZS?}), a holding of one's own
     * ending the clause ({@code Sold half my MU at the open}), or a verdict on it ({@code Is KO a buy here?}).
     */
    private static boolean tradedShort(String text, int start, int end) {
        String rest = text.substring(end, Math.min(text.length(), end + 25));
        if (VERDICT_AFTER.matcher(rest).find() && Words.previous(text, start).equalsIgnoreCase("is")) {
            return true;
        }
        String before = text.substring(Math.max(0, start - 30), start);
        if (!TRADE_BEFORE.matcher(before).find() && !OWN_BEFORE.matcher(before).find()) {
            return false;
        }
        // the symbol ends the phrase: not "a position in PR firms"
        String next = Words.next(text, end).toLowerCase();
        return end == text.length() || ",.;:!?)".indexOf(text.charAt(end)) >= 0 || AFTER_TALK.contains(next)
                || AFTER.contains(next) || CALENDAR.contains(next);
    }

    private static final Pattern TRADE_BEFORE = Pattern.compile("(?i)\\b(?:(?:position|positions|stake|exposure"
            + "|calls|puts|call buying|put buying|call volume|put volume|profits|shorts|short interest|premium)"
            + " (?:in|on)|(?:price target|target|pt|outlook|earnings|expectations) (?:for|on))\\s$");
    private static final Pattern OWN_BEFORE = Pattern.compile("(?i)\\b(?:sold|bought|trimmed|added|closed|doubled"
            + "|selling|buying|holding|hold|own|trimming|adding|closing)\\s+(?:half (?:of )?|all (?:of )?|some (?:of )?"
            + "|more (?:of )?|the rest of )?(?:my|our)\\s$");
    private static final Pattern VERDICT_AFTER = Pattern.compile("^ (?:still |now )?an? (?:buy|sell|hold|short|long"
            + "|bargain|value trap)\\b");
    /** A company's verb on its own guidance after a short symbol opening a clause: {@code DG cut its outlook again}. */
    private static final Set<String> GUIDES = Set.of("cuts", "cut", "raises", "raised", "lowers", "lowered",
            "boosts", "boosted", "lifts", "lifted", "trims", "trimmed", "hikes", "hiked", "slashes", "slashed",
            "reaffirms", "reaffirmed", "affirms", "affirmed", "withdraws", "withdrew", "pulls", "pulled");
    private static final Set<String> GUIDANCE = Set.of("outlook", "guidance", "forecast", "dividend", "payout",
            "buyback", "forecasts", "view", "target", "targets", "revenue", "sales", "profit", "earnings");

    /** Whether a short symbol opening a clause acts on its own outlook or payout: {@code DG cut its outlook}. */
    private static boolean ownGuidance(String text, int start, int end) {
        if (!opensClause(text, start)) {
            return false;
        }
        List<String> after = Words.lower(text, end, Math.min(text.length(), end + 40));
        if (after.size() < 3 || !GUIDES.contains(after.get(0)) || !after.get(1).equals("its")
                || !Character.isLowerCase(text.charAt(end + 1))) {
            return false;
        }
        return GUIDANCE.contains(after.get(2)) || after.size() > 3 && GUIDANCE.contains(after.get(3));
    }

    /** What only a fund has: {@code IBIT saw record inflows}, {@code JEPQ pays a fat monthly yield}. */
    private static final Set<String> FUND_TALK = Set.of("inflows", "inflow", "outflows", "outflow", "aum", "nav",
            "yield", "yields", "distribution", "distributions", "expense", "holdings", "rebalance", "rebalancing");

    /** Whether the text speaks of what only a fund has ({@link #FUND_TALK}). */
    private static boolean fundTalk(String text) {
        for (String word : Words.lower(text, 0, text.length())) {
            if (FUND_TALK.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The word {@code ETF} (or {@code fund}, {@code trust}) right before the symbol, or one word before it, or right
     * after: {@code Oil ETF USO}, {@code Bitcoin fund IBIT}.
     */
    private static boolean etfNamed(String text, int start, int end) {
        List<String> left = Words.lower(text, Math.max(0, start - 20), start);
        int n = left.size();
        List<String> right = Words.lower(text, end, Math.min(text.length(), end + 8));
        return n >= 1 && ETF_WORDS.contains(left.get(n - 1)) || n >= 2 && ETF_WORDS.contains(left.get(n - 2))
                || !right.isEmpty() && ETF_WORDS.contains(right.get(0));
    }

    /** A report's verb right after, and no name before: {@code MU reports}, not {@code Saab AB reports}. */
    private static boolean reports(String text, Matcher m) {
        return EARNINGS_AFTER.contains(Words.next(text, m.end())) && !Words.capitalised(Words.previous(text, m.start()))
                && CompanyNames.legalForm(m.group(1).toLowerCase()) == null;
    }

    /** A two-letter symbol that is also the company's name ({@code BP}, from {@code BP PLC}). */
    private static boolean ownName(Listing listing) {
        String name = listing.name().toUpperCase();
        return name.startsWith(listing.symbol() + " ") || name.startsWith(listing.symbol() + ",");
    }

    /**
     * {@code ASX:DCN}, {@code #FDM}, {@code 737 MAX}: an exchange prefix, a hashtag, or a model after a number; or the
     * {@code FDM : ...} that opens a feed line naming its (mostly foreign) issuer.
     */
    private static boolean prefixOrTag(String text, int start, int end) {
        if (end + 1 < text.length() && text.charAt(end) == ':' && Character.isLetter(text.charAt(end + 1))) {
            return true;
        }
        if (text.startsWith(" : ", end)) {
            return !NameCues.corporateVerb(Words.next(text, end + 2).toLowerCase()); // "CTS : Announces ..." is CTS
        }
        if (start > 0 && text.charAt(start - 1) == '#') {
            return true;
        }
        int before = start - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        return before >= 0 && before < start - 1 && Character.isDigit(text.charAt(before));
    }

    /** An upper-case word right before or after ({@code LIVE NOW}, {@code JUST IN}): a shout, not a ticker. */
    private boolean inCapitalPhrase(String text, int start, int end) {
        return capitalWord(previousWord(text, start)) || capitalWord(nextWord(text, end));
    }

    private static String previousWord(String text, int start) {
        int end = start;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int from = end;
        while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
            from--;
        }
        return end == start ? "" : text.substring(from, end);
    }

    private static String nextWord(String text, int end) {
        int from = end;
        while (from < text.length() && text.charAt(from) == ' ') {
            from++;
        }
        int to = from;
        while (to < text.length() && Character.isLetter(text.charAt(to))) {
            to++;
        }
        return from == end ? "" : text.substring(from, to);
    }

    /** An upper-case word that is not itself a symbol one would write bare ({@code AAPL MSFT} is a list). */
    private boolean capitalWord(String word) {
        return word.length() >= 2 && word.chars().allMatch(Character::isUpperCase)
                && (!universe.contains(word) || words.slang.contains(word) || words.isWordLike(word));
    }

    /** A word-like symbol in parentheses right after its company's name: {@code Osisko Gold Royalties Ltd (OR)}. */
    private boolean namedBefore(String text, int start, String symbol) {
        if (start < 2 || text.charAt(start - 1) != '(' || start + symbol.length() >= text.length()
                || text.charAt(start + symbol.length()) != ')') {
            return false;
        }
        String name = NormalisedText.fold(CompanyNames.cleanTitle(universe.listing(symbol).name()));
        String[] nameWords = name.split(" ");
        String before = NormalisedText.fold(text.substring(Math.max(0, start - 60), start - 1));
        String[] beforeWords = before.split(" ");
        String lastWord = beforeWords[beforeWords.length - 1];
        String firstNameWord = nameWords[0];
        return firstNameWord.length() >= 3 && before.contains(firstNameWord)
                && (name.endsWith(lastWord) || CompanyNames.SUFFIXES.contains(lastWord) || name.contains(lastWord));
    }

    private boolean marketWordNear(String text, int start, int end) {
        List<String> left = Words.lower(text, Math.max(0, start - 30), start);
        List<String> right = Words.lower(text, end, Math.min(text.length(), end + 30));
        String previous = left.isEmpty() ? "" : left.get(left.size() - 1);
        String beforePrevious = left.size() < 2 ? "" : left.get(left.size() - 2);
        String following = right.isEmpty() ? "" : right.get(0);
        return BEFORE.contains(previous) || previous.equals("of") && BEFORE_OF.contains(beforePrevious)
                || previous.equals("on") && BEFORE_ON.contains(beforePrevious) || WATCHING.contains(previous)
                || AFTER.contains(following);
    }

    /** Headlines in capitals make every word look like a symbol. */
    /**
     * Whether a text mostly in capitals shouts words rather than lists symbols: left out its symbols that are no words,
     * it is still mostly capitals. {@code SMH, SOXX lead; XLE, XLU lag} is a market wrap of funds; {@code BREAKING:
     * STOCKS TUMBLE AS FED HIKES} shouts.
     */
    private boolean shouting(String text) {
        StringBuilder rest = new StringBuilder(text.length());
        Matcher m = BARE.matcher(text);
        int at = 0;
        while (m.find()) {
            String symbol = m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
            if (universe.contains(symbol) && !words.isWordLike(m.group(1)) && !words.slang.contains(symbol)) {
                rest.append(text, at, m.start()).append(' ');
                at = m.end();
            }
        }
        rest.append(text, at, text.length());
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        return letters == 0 || letters >= 8 && upper * 10 > letters * 6; // symbols alone: no context
    }

    static boolean mostlyCapitals(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                upper += Character.isUpperCase(c) ? 1 : 0;
            }
        }
        return letters >= 12 && upper * 10 > letters * 6;
    }
}
