package com.tradethehype.ingest.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradethehype.ingest.CryptoMention;
import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.TickerMention.Evidence;
import com.tradethehype.ingest.TickerMention;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags stocks against the listed universe with evidence a reader can check: cashtags and exchange forms of listed
 * symbols, company names, SEC filer CIKs, and bare symbols with strong context (see {@link BareSymbols}). Crypto is
 * dropped by context (see {@link CryptoDetector}): a symbol that is both a coin and a stock counts as the coin when
 * the text is about crypto, unless a company name or exchange form says it is the stock. A cashtag outside the
 * universe is kept as UNVERIFIED_CASHTAG (see {@link UnlistedCashtags}), and so is a preferred series written the
 * Stocktwits way ({@code $TWOprB} as {@code TWO.PB}). A one-word name that starts the title of a company tagged by
 * cashtag is that family's ({@code $BAM ... Brookfield}). Source tickers count only when the text names no company, or
 * names that one. Built once at start-up.
 */
@Startup
@ApplicationScoped
public class UniverseTickerExtractor implements TickerExtractor {

    private static final Pattern FILER = Pattern.compile("\\((\\d{10})\\)\\s*\\((?:Filer|Subject|Reporting|Filed by)\\)");
    /** A preferred share written the Stocktwits way: {@code $TWOprB} is Two Harbors' series B, {@code TWO.PB}. */
    private static final Pattern PREFERRED = Pattern.compile("(?<![A-Za-z0-9_$])\\$([A-Z]{1,5})pr([A-Z])(?![A-Za-z0-9])");
    private static final Pattern CRYPTO_FUND = Pattern.compile("(?i)bitcoin|ether|crypto|solana|xrp|digital asset");
    /**
     * A company's name written as a hashtag of two to five capitalised words run together, as MarketScreener tags its
     * posts: {@code #MarriottInternational}, {@code #RoyalDutchShell}. One-word hashtags are read as words already.
     */
    private static final Pattern NAME_HASHTAG = Pattern.compile("(?<![\\w#])#([A-Z][a-z]+(?:[A-Z][a-z]+){1,4})(?![\\w])");
    private static final Pattern CAMEL_CUT = Pattern.compile("(?<=[a-z])(?=[A-Z])");
    /** A share class right after a company's name: {@code 's class B shares}, {@code Class A}, {@code 's B shares}. */
    private static final Pattern CLASS_AFTER = Pattern.compile(
            "^(?:'s|’s)?\\s+(?:(?:[Cc]lass|CLASS)\\s+([A-C])\\b|([A-C])[- ](?:shares|stock)\\b)");
    /** Between a company's name and its class symbol, a word that says which class: {@code Molson Coors' voting TAP.A}. */
    private static final Pattern CLASS_WORDS_BETWEEN = Pattern.compile("(?i)(?:'s|’s|'|’)?\\s+(?:(?:voting|non-voting"
            + "|nonvoting|super-voting|preferred|common|ordinary|class [a-c]|[a-c]-class)\\s+){1,2}(?:shares?\\s+)?\\$?");
    private static final Pattern COIN_WORD = Pattern.compile("(?i)\\b(?:coins?|tokens?|memecoins?|airdrop)\\b");
    /**
     * Crypto traders' words that are too weak to make a whole text crypto but enough for a cashtag that is both a coin
     * and a listed symbol: {@code $TRX lagged the majors again}, {@code $LINK and the alts}, {@code priced in sats},
     * a coin's symbol in capitals beside it ({@code $TRX vs BTC}). A company's name in the text still wins.
     */
    private static final Pattern WEAK_CRYPTO = Pattern.compile("(?<![\\w$])(?:(?i:the majors|majors like|alts|altseason"
            + "|alt season|sats|degens?)|BTC|ETH|SOL|XRP)(?![\\w])");
    /** A cashtag written in lower case, as retail posts often are: {@code $nvda}, {@code $tsla}. */
    private static final Pattern LOWER_CASHTAG = Pattern.compile(
            "(?<![A-Za-z0-9_$])\\$([a-z]{2,5})(?![A-Za-z0-9_]|[.\\-][A-Za-z0-9])");
    /**
     * {@code Dow} news uses for the index, so it is no name; but only the company has staff to cut or hire:
     * {@code Dow cuts 2,000 jobs}, {@code Dow to lay off about 1,500 workers}.
     */
    private static final Pattern DOW_STAFF = Pattern.compile("(?<![\\w$#])Dow(?:'s| Inc\\.?)? (?:to |will )?(?:cuts?"
            + "|slash(?:es)?|eliminates?|lays? off|sheds?|adds?|hires?) (?:about |some |around |nearly |roughly |up to "
            + "|another )?\\d[\\d,.]*(?: (?:thousand|million))? (?:more )?(?:jobs|workers|employees|positions|staff"
            + "|roles)\\b");

    /**
     * A symbol with a Reuters exchange suffix ({@code ZTO.N} New York, {@code AAPL.O} Nasdaq): the listed symbol, even
     * where it reads as a word ({@code ASH.N}); two letters at least, so {@code U.N} stays the United Nations.
     */
    private static final Pattern RIC = Pattern.compile("(?<![\\w$.])([A-Z]{2,5})\\.(?:N|O|OQ)(?![\\w.])");

    /**
     * Short names that are a word, a given name or another firm's name alone, and name a listed company only beside a
     * cue of its trade: {@code Dick's} beside a retail word ({@code Dick's closes its deal for Foot Locker}), {@code
     * Bausch} (not {@code Bausch + Lomb}) beside a drug word or drug maker, {@code Ram} beside a vehicle word.
     */
    private static final Pattern DICKS = Pattern.compile("(?<![\\w$#])Dick['’]s(?! Sporting)(?![\\w])");
    private static final Pattern RETAIL_CUE = Pattern.compile("(?i)\\b(?:sporting goods|retail(?:er|ers)?|Foot Locker"
            + "|same-store|comparable sales|athletic|sneakers?|stores)\\b");
    private static final Pattern BAUSCH = Pattern.compile("(?<![\\w$#])Bausch(?!\\s*(?:\\+|&|and)\\s*Lomb)(?!\\s+Health)"
            + "(?![\\w])");
    private static final Pattern DRUG_CUE = Pattern.compile("(?i)\\b(?:pharma\\w*|drugs?|drugmakers?|FDA|Valeant|Salix"
            + "|Teva|Mylan|Endo|Allergan|generics?|opioids?|biotech)\\b");
    private static final Pattern RAM = Pattern.compile("(?<![\\w$#])Ram(?:['’]s)?(?![\\w])(?!\\s+(?!Trucks?\\b)[A-Z][a-z])");
    private static final Pattern VEHICLE_CUE = Pattern.compile("(?i)\\b(?:trucks?|pickups?|Jeep|Dodge|Stellantis|Fiat"
            + "|Chrysler|vehicles?|dealers?|1500|2500|heavy duty|EV)\\b");

    /** A consumer's verb right before a brand: {@code order Taco Bell}, {@code ate at Olive Garden}. */
    private static final Pattern CONSUMER_VERB = Pattern.compile("(?i)(?<![\\w])(?:order(?:s|ed|ing)?|eat(?:s|ing)?|ate"
            + "|grab(?:s|bed|bing)?)(?:\\s+(?:at|from|some))?\\s+$");

    /**
     * A company's new name right after the verb of its renaming: {@code Memebox Rebrands to MBX}, {@code ... changes its
     * name to Vivid}, {@code renamed as}. The new name is not yet a listing, and a listed company that shares it is
     * someone else; the renamed company counts by its own name before (so {@code Facebook rebrands as Meta} is META).
     */
    private static final Pattern RENAMED_TO = Pattern.compile("(?i)\\b(?:(?:rebrands?|rebranded|rebranding|renamed|renaming"
            + "|(?:changes?|changed|changing)\\s+(?:its\\s+|their\\s+)?name)\\s+(?:to|as)"
            + "|(?:renames?|rebrands?)\\s+itself(?:\\s+(?:to|as))?|new\\s+name\\s+(?:is|will\\s+be))\\s*[\"“']?\\s*$");

    private final TickerUniverse universe;
    private final WordLists words;
    private final NameMatcher names;
    private final CryptoDetector crypto;
    private final BareSymbols bare;
    private final NamedAfterCompanies namedAfter;

    @Inject
    public UniverseTickerExtractor(ObjectMapper json) {
        long started = System.nanoTime();
        universe = TickerUniverse.load(json);
        words = WordLists.load();
        names = new NameMatcher(universe, words);
        crypto = new CryptoDetector(json, words);
        bare = new BareSymbols(universe, words);
        namedAfter = NamedAfterCompanies.load();
        Log.infof("Ticker universe: %d symbols, %d company names, %d proper nouns named after companies, loaded in %d ms",
                universe.size(), names.size(), namedAfter.size(), (System.nanoTime() - started) / 1_000_000);
    }

    public TickerUniverse universe() {
        return universe;
    }

    @Override
    public List<String> symbolsOfFiler(long cik) {
        return universe.symbolsOfCik(cik);
    }

    @Override
    public Extraction extract(String text, List<String> sourceTickers) {
        Map<String, TickerMention> found = new LinkedHashMap<>();
        List<CryptoMention> dropped = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            NormalisedText normalised = NormalisedText.of(text);
            CryptoDetector.Scan scan = crypto.scan(normalised);
            dropped.addAll(scan.mentions());
            List<TickerMention> coinLike = new ArrayList<>();
            cashtags(text, scan.context(), found, coinLike, dropped);
            if (lowerCaseDollar(text) && !scan.context() && !COIN_WORD.matcher(text).find()) {
                lowerCaseCashtags(text, found); // "$nvda ripping"; not "$penn coin"
            }
            explicit(PatternTickerExtractor.EXCHANGE.matcher(text), Evidence.EXCHANGE, found);
            List<int[]> namedAfterSpans = namedAfter.spans(normalised);
            for (NameMatcher.Match name : names.find(normalised, namedAfterSpans)) {
                if (!AnalystRoles.asAnalyst(name.symbol(), text, name.start(), name.end()) && !renamedTo(text, name.start())
                        && !familyCashtag(found, name) && !(name.foreignOtc() && homeCashtag(found, name.symbol()))
                        && !consumerBrand(text, name)) {
                    add(found, new TickerMention(classNamed(text, name), Evidence.NAME, name.text(), name.start()));
                    otcCompanions(name, found);
                }
            }
            if (text.indexOf('#') >= 0) {
                hashtagNames(text, found);
            }
            if (text.indexOf('.') > 0) {
                Matcher ric = RIC.matcher(text);
                while (ric.find()) {
                    if (universe.contains(ric.group(1)) && !symbolFound(found, ric.group(1))) {
                        add(found, new TickerMention(ric.group(1), Evidence.SYMBOL, ric.group(), ric.start()));
                    }
                }
            }
            brandsInContext(text, found);
            if (text.contains("Dow ") && universe.contains("DOW")) {
                Matcher staff = DOW_STAFF.matcher(text);
                if (staff.find()) {
                    add(found, new TickerMention("DOW", Evidence.NAME, staff.group(), staff.start()));
                }
            }
            Matcher filer = FILER.matcher(text);
            while (filer.find()) {
                universe.symbolsOfCik(Long.parseLong(filer.group(1))).stream().findFirst().ifPresent(symbol ->
                        add(found, new TickerMention(symbol, Evidence.FILER, filer.group(), filer.start())));
            }
            for (BareSymbols.Match match : bare.find(text, namedCiks(found))) {
                if (!symbolFound(found, match.symbol()) && !(crypto.isCoin(match.symbol()) && scan.context())
                        && !NamedAfterCompanies.inside(namedAfterSpans, match.start()) && !renamedTo(text, match.start())
                        && !abbreviatesPhrase(text, match.symbol(), match.start())
                        && !insideName(found, match.symbol(), match.start())
                        && !AnalystRoles.asAnalyst(match.symbol(), text, match.start(), match.start() + match.text().length())) {
                    add(found, new TickerMention(match.symbol(), Evidence.SYMBOL, match.text(), match.start()));
                }
            }
            if (found.size() > 1) {
                classAfterName(text, found);
            }
            for (TickerMention mention : coinLike) {
                // a coin-like cashtag in crypto context is the coin, unless the text names the company too
                if (symbolFound(found, mention.symbol())) {
                    add(found, mention);
                } else {
                    dropped.add(new CryptoMention(mention.text(), mention.symbol(), "SYMBOL_IN_CRYPTO_CONTEXT",
                            mention.start()));
                }
            }
        }
        // "Samsung unveils ..." names a company we do not list; "BYD outsells ..." one whose name is another's symbol;
        // "Senate passes TikTok ban" a brand of a company we do not list
        boolean textNamesOthers = !found.isEmpty() || !sourceTickers.isEmpty() && text != null
                && (NameCues.namedSubject(text, words) && !ownProductFirst(text, sourceTickers)
                || bare.namesOtherCompany(text)
                || otherBrand(text, sourceTickers));
        for (String symbol : sourceTickers) {
            // a per-ticker feed also carries stories about other companies: the source alone does not outvote the text
            if (!textNamesOthers || symbolFound(found, symbol)) {
                add(found, new TickerMention(symbol, Evidence.SOURCE));
            }
        }
        List<TickerMention> mentions = new ArrayList<>(found.values());
        mentions.sort(Comparator.comparing(TickerMention::symbol).thenComparing(m -> m.evidence().ordinal()));
        dropped.sort(Comparator.comparingInt(CryptoMention::start));
        return new Extraction(mentions, dropped);
    }

    private void cashtags(String text, boolean cryptoContext, Map<String, TickerMention> found,
                          List<TickerMention> coinLike, List<CryptoMention> dropped) {
        Matcher m = PatternTickerExtractor.CASHTAG.matcher(text);
        List<TickerMention> unlisted = new ArrayList<>();
        List<TickerMention> wordTags = new ArrayList<>();
        boolean stockCashtags = false;
        int indexTags = -1;
        while (m.find()) {
            String symbol = PatternTickerExtractor.symbol(m);
            if (symbol == null) {
                continue; // $BTC.X: the crypto scan has it
            }
            Listing listing = universe.listing(symbol);
            if (listing != null && UnlistedCashtags.NOT_STOCKS.contains(symbol) && fundOfIndexSymbol(listing, text)) {
                continue; // "$DJIA hits a record": the index, not the Dow 30 covered-call ETF that took its letters
            }
            if (listing != null && UnlistedCashtags.NOT_STOCKS.contains(symbol)) {
                if (indexTags < 0) {
                    indexTags = unlistedIndexCashtags(text);
                }
                if (indexTags > 0) {
                    continue; // "$NIKKEI $FTSE $DAX $CAC": beside a pure index, $DAX is the index, not the DAX ETF
                }
            }
            TickerMention mention = new TickerMention(symbol, Evidence.CASHTAG, m.group(), m.start());
            if (listing == null) {
                if (crypto.isCoin(symbol)) {
                    dropped.add(new CryptoMention(m.group(), symbol, "COIN_SYMBOL", m.start()));
                } else if (UnlistedCashtags.mayBeStock(symbol, words)) {
                    unlisted.add(new TickerMention(symbol, Evidence.UNVERIFIED_CASHTAG, m.group(), m.start()));
                } else if (UnlistedCashtags.mayBeStockAmongStocks(symbol, words)) {
                    wordTags.add(new TickerMention(symbol, Evidence.UNVERIFIED_CASHTAG, m.group(), m.start()));
                }
            } else if (words.slangCashtag.contains(symbol)) {
                continue;
            } else if (crypto.isCoin(symbol) && CRYPTO_FUND.matcher(listing.name()).find()) {
                dropped.add(new CryptoMention(m.group(), symbol, "CRYPTO_FUND", m.start()));
            } else if (crypto.isCoin(symbol) && (cryptoContext || WEAK_CRYPTO.matcher(text).find())) {
                coinLike.add(mention); // "$TRX lagged the majors again" is TRON, not TRX Gold
            } else {
                add(found, mention);
                stockCashtags = true;
            }
        }
        if (text.indexOf('$') >= 0 && text.indexOf("pr") > 0) {
            Matcher preferred = PREFERRED.matcher(text);
            while (preferred.find()) {
                // the universe lists no preferreds: the series counts as written, as an unverified ticker
                String base = preferred.group(1);
                if (universe.listing(base) != null || UnlistedCashtags.mayBeStock(base, words)) {
                    unlisted.add(new TickerMention(base + ".P" + preferred.group(2), Evidence.UNVERIFIED_CASHTAG,
                            preferred.group(), preferred.start()));
                }
            }
        }
        if (!wordTags.isEmpty() && !cryptoContext && (stockCashtags || !unlisted.isEmpty())) {
            unlisted.addAll(wordTags); // "$EARS very nice ... $KERN strong close": a word's cashtag among stocks'
        }
        for (TickerMention mention : unlisted) {
            // "$PEPE $WIF" beside $BTC.X are coins we do not know; beside $F and $NVDA, stocks we do not know
            if (cryptoContext && !stockCashtags) {
                dropped.add(new CryptoMention(mention.text(), mention.symbol(), "UNLISTED_IN_CRYPTO_CONTEXT",
                        mention.start()));
            } else {
                add(found, mention);
            }
        }
    }

    /**
     * Whether a per-ticker feed item names a brand written with a capital inside that is neither the feed company's
     * name nor one of its products ({@code Senate passes TikTok ban} in the META feed): a company we do not list, so
     * the feed's ticker does not stand in for it. {@code JetBlue} in the JBLU feed, {@code WhatsApp} in META's stay.
     */
    private boolean otherBrand(String text, List<String> sourceTickers) {
        if (text.length() < 6) {
            return false;
        }
        for (String brand : NameCues.brands(text)) {
            String owner = NameCues.PRODUCT_OWNERS.getOrDefault(brand, words.aliases.get(brand));
            if (owner != null && sourceTickers.contains(owner)) {
                continue;
            }
            String folded = brand.toLowerCase();
            if (sourceTickers.stream().map(universe::listing).noneMatch(listing -> listing != null
                    && NormalisedText.fold(listing.name()).replace(" ", "").contains(folded))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A company named only by its name, then (within a few words) one of its share classes written by symbol: the text
     * speaks of that class, not of the company's main line ({@code Molson Coors' voting TAP.A} is TAP.A, not TAP too),
     * when a word says which class ({@code voting}, {@code preferred}); {@code Lennar's LEN.B} names both. The main
     * line stays when the text also writes it ({@code Greif has two lines, GEF and GEF.B}).
     */
    private void classAfterName(String text, Map<String, TickerMention> found) {
        List<String> drop = new ArrayList<>(0);
        for (TickerMention name : found.values()) {
            if (name.evidence() != Evidence.NAME || name.text() == null
                    || found.keySet().stream().filter(key -> key.startsWith(name.symbol() + "/")).count() > 1) {
                continue;
            }
            Listing company = universe.listing(name.symbol());
            int end = name.start() + name.text().length();
            for (TickerMention other : found.values()) {
                Listing sibling = universe.listing(other.symbol());
                if ((other.evidence() == Evidence.SYMBOL || other.evidence() == Evidence.CASHTAG)
                        && other.symbol().indexOf('.') > 0 && !other.symbol().equals(name.symbol())
                        && company != null && sibling != null && company.cik() != 0 && company.cik() == sibling.cik()
                        && other.start() >= end && other.start() - end <= 30
                        && CLASS_WORDS_BETWEEN.matcher(text.substring(end, other.start())).matches()
                        && !writtenBare(text, name.symbol())) {
                    drop.add(name.symbol() + "/" + Evidence.NAME);
                }
            }
        }
        drop.forEach(found::remove);
    }

    /**
     * Whether a bare symbol of two to five letters at {@code start} abbreviates capitalised words written earlier in the
     * text that are not its company's name: {@code the Renewable Natural Gas Company ... Landfill Gas to RNG Projects}
     * is renewable natural gas, not RingCentral; {@code International Business Machines ... IBM} stays IBM.
     */
    private boolean abbreviatesPhrase(String text, String symbol, int start) {
        int n = symbol.length();
        if (n < 2 || n > 5 || start < 2 * n + 2 || !symbol.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return false;
        }
        // capitalised words in a row before the symbol whose initials spell it: scanned by hand, no pattern per symbol
        int i = 0;
        while (i < start) {
            if (text.charAt(i) == symbol.charAt(0) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                int at = i;
                int matched = 0;
                while (matched < n && at < start && text.charAt(at) == symbol.charAt(matched)) {
                    int end = at + 1;
                    while (end < start && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') {
                        end++;
                    }
                    if (end == at + 1 || end < start && Character.isLetterOrDigit(text.charAt(end))) {
                        break; // one capital alone, or a word going on in capitals or digits
                    }
                    matched++;
                    if (matched == n) {
                        Listing listing = universe.listing(symbol);
                        return listing == null || !NormalisedText.fold(listing.name())
                                .startsWith(NormalisedText.fold(text.substring(i, end)));
                    }
                    at = end;
                    while (at < start && (text.charAt(at) == ' ' || text.charAt(at) == '-')) {
                        at++;
                    }
                }
            }
            i++;
        }
        return false;
    }

    /**
     * Whether a bare symbol at {@code start} lies inside another company's name found in the text: {@code Ceridian HCM}
     * is Dayforce's former name, not HUTCHMED's symbol.
     */
    private static boolean insideName(Map<String, TickerMention> found, String symbol, int start) {
        for (TickerMention mention : found.values()) {
            if (mention.evidence() == Evidence.NAME && mention.text() != null && !mention.symbol().equals(symbol)
                    && start > mention.start() && start < mention.start() + mention.text().length()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code symbol} stands in {@code text} as a word of its own, bare or as a cashtag ({@code GEF and GEF.B}). */
    private static boolean writtenBare(String text, String symbol) {
        for (int at = text.indexOf(symbol); at >= 0; at = text.indexOf(symbol, at + 1)) {
            int end = at + symbol.length();
            boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at - 1) != '.';
            boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    && !(text.charAt(end) == '.' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1)));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** Whether the verb of a company's renaming ends right before {@code start}: {@code Memebox Rebrands to |MBX}. */
    private static boolean renamedTo(String text, int start) {
        if (start <= 4) {
            return false;
        }
        String before = text.substring(Math.max(0, start - 40), start);
        return (before.indexOf("ame") >= 0 || before.indexOf("AME") >= 0 || before.indexOf("rand") >= 0
                || before.indexOf("RAND") >= 0) && RENAMED_TO.matcher(before).find(); // the cheap test first
    }

    /** Whether a {@code $} right before a lower-case letter stands in {@code text}. */
    private static boolean lowerCaseDollar(String text) {
        for (int i = text.indexOf('$'); i >= 0 && i + 1 < text.length(); i = text.indexOf('$', i + 1)) {
            char c = text.charAt(i + 1);
            if (c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }

    /**
     * The share class a name is followed by, when the universe lists it with a dot: {@code Brown-Forman's class B
     * shares} is BF.B, {@code Heico's Class A shares} HEI.A, {@code Berkshire Class A} BRK.A; else the name's symbol.
     */
    private String classNamed(String text, NameMatcher.Match name) {
        int end = name.end();
        int at = end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '’') ? end + 2 : end;
        String next = Words.next(text, at);
        if (!next.equalsIgnoreCase("class") && !(next.length() == 1 && next.charAt(0) >= 'A' && next.charAt(0) <= 'C')) {
            return name.symbol(); // the cheap test first: most names have no class after them
        }
        Matcher shareClass = CLASS_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 40)));
        if (!shareClass.find()) {
            return name.symbol();
        }
        String letter = shareClass.group(1) != null ? shareClass.group(1) : shareClass.group(2);
        int dot = name.symbol().indexOf('.');
        String base = dot < 0 ? name.symbol() : name.symbol().substring(0, dot);
        String named = base + "." + letter;
        return universe.listing(named) != null ? named : name.symbol();
    }

    private void brandsInContext(String text, Map<String, TickerMention> found) {
        contextName(text, found, "Dick", DICKS, RETAIL_CUE, "DKS");
        contextName(text, found, "Bausch", BAUSCH, DRUG_CUE, "BHC");
        contextName(text, found, "Ram", RAM, VEHICLE_CUE, "STLA");
    }

    private void contextName(String text, Map<String, TickerMention> found, String mark, Pattern name, Pattern cue,
            String symbol) {
        if (text.contains(mark) && universe.contains(symbol) && !symbolFound(found, symbol)) {
            Matcher m = name.matcher(text);
            if (m.find() && cue.matcher(text).find()) {
                add(found, new TickerMention(symbol, Evidence.NAME, m.group(), m.start()));
            }
        }
    }

    /**
     * Whether a brand that stands for its parent ({@code brands.tsv}) is what a consumer orders or eats here: {@code
     * Stoners will ... order Taco Bell} names a meal, not Yum! Brands (the table labels it so, as it labels a product).
     */
    private boolean consumerBrand(String text, NameMatcher.Match name) {
        if (words.brands.isEmpty() || !words.brands.contains(NormalisedText.fold(name.text()))) {
            return false;
        }
        return CONSUMER_VERB.matcher(text.substring(Math.max(0, name.start() - 30), name.start())).find();
    }

    /**
     * Cashtags written in lower case ({@code $nvda ripping}) of listed symbols that are no words, no coins and no
     * index: as the upper-case cashtag. {@code $now}, {@code $btc} and {@code $spx} stay out.
     */
    private void lowerCaseCashtags(String text, Map<String, TickerMention> found) {
        Matcher m = LOWER_CASHTAG.matcher(text);
        while (m.find()) {
            String symbol = m.group(1).toUpperCase(Locale.ROOT);
            if (universe.listing(symbol) != null && !crypto.isCoin(symbol) && !words.isWordLike(symbol)
                    && !UnlistedCashtags.NOT_STOCKS.contains(symbol) && !words.slang.contains(symbol)) {
                add(found, new TickerMention(symbol, Evidence.CASHTAG, m.group(), m.start()));
            }
        }
    }

    /**
     * Company names written as hashtags ({@code #MarriottInternational}): the words cut apart must be one name, whole,
     * as the dictionary has it ({@code Marriott International}); {@code #MarketScreener} and {@code #SinoHarbour} name
     * no listed company.
     */
    private void hashtagNames(String text, Map<String, TickerMention> found) {
        Matcher hashtag = NAME_HASHTAG.matcher(text);
        while (hashtag.find()) {
            String phrase = CAMEL_CUT.matcher(hashtag.group(1)).replaceAll(" ");
            for (NameMatcher.Match name : names.find(NormalisedText.of(phrase))) {
                if (name.start() == 0 && name.end() == phrase.length()) {
                    add(found, new TickerMention(name.symbol(), Evidence.NAME, hashtag.group(), hashtag.start()));
                }
            }
        }
    }

    /** Whether the feed item opens with a product of the feed's company: {@code LinkedIn cuts jobs} in MSFT's feed. */
    private static boolean ownProductFirst(String text, List<String> sourceTickers) {
        String head = text.stripLeading();
        int end = 0;
        while (end < head.length() && Character.isLetter(head.charAt(end))) {
            end++;
        }
        String owner = NameCues.PRODUCT_OWNERS.get(head.substring(0, end));
        return owner != null && sourceTickers.contains(owner);
    }

    /**
     * Whether a cashtag that traders write for an index, a rate or a currency ({@code $DJIA}, {@code $USD}) is a fund's
     * symbol too, in a text that does not speak of funds: the index is meant. Companies with such symbols ({@code $CL}
     * Colgate, {@code $DJT} Trump Media) stay.
     */
    private static boolean fundOfIndexSymbol(Listing listing, String text) {
        return (listing.etf() || BareSymbols.fundName(listing.name())) && !BareSymbols.FUND_WORD.matcher(text).find();
    }

    /**
     * How many cashtags of the text name an index, a rate, a commodity or a currency that no listed symbol shares
     * ({@code $NIKKEI}, {@code $TNX}); beside one, {@code $DAX} and {@code $WTI} are indices too. ({@code $CL $ES}
     * alone stay Colgate and Eversource.)
     */
    private int unlistedIndexCashtags(String text) {
        Matcher m = PatternTickerExtractor.CASHTAG.matcher(text);
        int count = 0;
        while (m.find()) {
            String symbol = PatternTickerExtractor.symbol(m);
            count += symbol != null && UnlistedCashtags.NOT_STOCKS.contains(symbol) && !universe.contains(symbol) ? 1 : 0;
        }
        return count;
    }

    private static void explicit(Matcher m, Evidence evidence, Map<String, TickerMention> found) {
        while (m.find()) {
            String symbol = PatternTickerExtractor.symbol(m);
            if (symbol != null) {
                add(found, new TickerMention(symbol, evidence, m.group(), m.start()));
            }
        }
    }

    /**
     * Whether a cashtag of the text is the home symbol that a foreign OTC symbol extends ({@code $QTT - Qutoutiao slides}
     * beside QTTOY, {@code $ZOM - Zomedica} beside ZOMDF): the text tags the company by the symbol it writes.
     */
    private static boolean homeCashtag(Map<String, TickerMention> found, String otcSymbol) {
        for (TickerMention mention : found.values()) {
            if ((mention.evidence() == Evidence.CASHTAG || mention.evidence() == Evidence.UNVERIFIED_CASHTAG)
                    && mention.symbol().length() >= 2 && otcSymbol.length() > mention.symbol().length()
                    && otcSymbol.startsWith(mention.symbol())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A foreign company named in the text that trades only over the counter counts with each of its OTC symbols:
     * {@code BAE Systems} is BAESY and BAESF, {@code Westpac Banking} WBKCY and WEBNF.
     */
    private void otcCompanions(NameMatcher.Match name, Map<String, TickerMention> found) {
        Listing named = universe.listing(name.symbol());
        if (!name.foreignOtc() || named == null || named.cik() == 0) {
            return;
        }
        for (TickerMention mention : found.values()) {
            Listing tagged = universe.listing(mention.symbol());
            if (mention.evidence() == Evidence.CASHTAG && tagged != null && tagged.cik() == named.cik()) {
                return; // "$BAESY BAE Systems ...": the text picks its symbol
            }
        }
        for (String symbol : universe.symbolsOfCik(named.cik())) {
            Listing other = universe.listing(symbol);
            if (!symbol.equals(name.symbol()) && other != null && "OTC".equals(other.exchange())) {
                add(found, new TickerMention(symbol, Evidence.NAME, name.text(), name.start()));
            }
        }
    }

    /**
     * Whether a one-word name is the first word of a company the text tags by cashtag, and so that company's family
     * name rather than the company it names alone: {@code $BAM ... Investing With Brookfield} is Brookfield Asset
     * Management, not Brookfield Corporation.
     */
    private boolean familyCashtag(Map<String, TickerMention> found, NameMatcher.Match name) {
        if (found.isEmpty() || name.text().indexOf(' ') >= 0) {
            return false;
        }
        String word = NormalisedText.fold(name.text()) + " ";
        Listing named = universe.listing(name.symbol());
        for (TickerMention mention : found.values()) {
            Listing listing = universe.listing(mention.symbol());
            if (mention.evidence() == Evidence.CASHTAG && listing != null && named != null
                    && listing.cik() != named.cik() && NormalisedText.fold(listing.name()).startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** The companies found so far (by cashtag, exchange form, name or CIK), whose other share classes count bare. */
    private Set<Long> namedCiks(Map<String, TickerMention> found) {
        if (found.isEmpty()) {
            return Set.of();
        }
        Set<Long> ciks = new HashSet<>();
        for (TickerMention mention : found.values()) {
            Listing listing = universe.listing(mention.symbol());
            if (listing != null && listing.cik() != 0) {
                ciks.add(listing.cik());
            }
        }
        return ciks;
    }

    private static boolean symbolFound(Map<String, TickerMention> found, String symbol) {
        return found.keySet().stream().anyMatch(key -> key.startsWith(symbol + "/"));
    }

    /** Keeps the first mention of each (symbol, evidence): one piece of each kind is enough to explain a tag. */
    private static void add(Map<String, TickerMention> found, TickerMention mention) {
        found.putIfAbsent(mention.symbol() + "/" + mention.evidence(), mention);
    }
}
