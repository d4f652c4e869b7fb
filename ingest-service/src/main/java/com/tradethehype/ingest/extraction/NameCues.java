package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words around a company name that is also an English word and show that it is the company: a market word
 * beside it ({@code Snap shares plunge}, {@code shares of Target}), company news in the same sentence for a rare
 * word ({@code Deluxe delivered record revenue}), its trade's vocabulary for the head of a trade name
 * ({@code Delta} in a text about flights is Delta Air Lines), or a list with another company
 * ({@code Visa and Mastercard}).
 */
final class NameCues {

    /** A trade that SEC titles name after the company's own word ({@code DELTA AIR LINES}, {@code Alaska Air Group}). */
    enum Sector {
        AIRLINE(Set.of("flight", "flights", "flew", "fly",
                "flying", "airline", "airlines", "carrier", "carriers", "passenger", "passengers", "fare", "fares",
                "pilot", "pilots", "jet", "jets", "plane", "planes", "aircraft", "route", "routes", "seat", "seats",
                "seating", "boarding", "airport", "airports", "aviation", "faa", "cabin", "attendants", "hub", "hubs",
                "baggage", "flyers", "travelers", "travellers", "boeing", "airbus", "737", "a320", "a321", "nonstop",
                "codeshare", "takeoff", "runway", "tarmac", "grounded", "airfare", "airfares"));

        /** Folded words that make a text about the trade. */
        final Set<String> vocabulary;

        Sector(Set<String> vocabulary) {
            this.vocabulary = vocabulary;
        }

        /** Whether the folded {@code word} names the trade itself ({@code Alaska Airlines}). */
        boolean titleWord(String word) {
            return word.equals("airlines") || word.equals("airline") || word.equals("airways") || word.equals("air");
        }

        /**
         * The trade an SEC title names right after its first word ({@code delta air lines inc}, {@code alaska air group
         * inc}, {@code united airlines holdings inc}; not {@code beyond air inc}), or null.
         */
        static Sector of(String[] title) {
            if (title.length < 3) {
                return null;
            }
            boolean airline = title[1].equals("airlines") || title[1].equals("airways")
                    || title[1].equals("air") && (title[2].equals("lines") || title[2].equals("group"));
            return airline ? AIRLINE : null;
        }
    }

    /** A market word right after the name ({@code Block shares}, {@code Target stock}). */
    private static final Set<String> MARKET_AFTER = Set.of("shares", "stock", "shareholders", "stockholders",
            "earnings", "eps", "profit", "revenue");
    /**
     * After a name's possessive, what only a company has: {@code Target's sales}, {@code Unity's guidance},
     * {@code Progressive's combined ratio}, {@code Boeing's deliveries}.
     */
    private static final Set<String> OWNED_AFTER = Set.of("sales", "guidance", "outlook", "dividend", "margins",
            "quarterly", "ceo", "cfo", "buyback", "buybacks", "margin", "combined", "deliveries", "bookings",
            "backlog", "shipments", "subscribers", "subscriber", "net", "user", "users", "ad", "advertising",
            "revenues", "profits", "results", "valuation", "payout", "workforce", "layoffs");
    /** What a company makes or sells, after its possessive: {@code Huawei's new phone}. */
    private static final Set<String> PRODUCTS = Set.of("phone", "phones", "smartphone", "smartphones", "chip", "chips",
            "car", "cars", "ev", "evs", "truck", "trucks", "app", "apps", "device", "devices", "console", "laptop",
            "laptops", "tablet", "model", "models", "drug", "drugs", "vaccine", "platform", "products", "product",
            "brand", "stores", "store", "unit", "division", "subsidiary", "stake");
    /**
     * What only a company runs, after the possessive of a capitalised word even when that word is also an English one:
     * {@code Brave's search engine}, {@code Signal's messaging app}; not {@code Today's market} or {@code Nature's} ...
     */
    private static final Pattern SERVICE_AFTER = Pattern.compile("^(?:'s|’s)\\s+(?:new\\s+|own\\s+|ai\\s+|AI\\s+)?"
            + "(?:search engine|browser|web browser|messaging app|chatbot|streaming service|app store|cloud service"
            + "|ad network|marketplace|smartphone|operating system)s?\\b");
    /** Verbs of reaching a figure after a name opening a feed item: {@code Tubi passes 100 million monthly viewers}. */
    private static final Set<String> MILESTONE = Set.of("passes", "crosses", "reaches", "hits", "surpasses", "tops",
            "nears");
    /** Participles after a name and a hyphen that make it an organisation: {@code Shell-led}, {@code Amazon-owned}. */
    private static final Set<String> LED = Set.of("led", "backed", "owned", "controlled", "operated", "funded",
            "sponsored", "financed");
    /** Sites only a company runs: {@code Shell's Puget Sound refinery}. */
    private static final Set<String> SITES = Set.of("refinery", "refineries", "plant", "plants", "factory",
            "factories", "mine", "mines", "warehouse", "warehouses", "smelter", "mill", "facility", "facilities",
            "stores", "dealerships", "fab");
    /**
     * The people of a company named right after it, in any case: {@code Marriott CEO}, {@code Former Target chief},
     * {@code Unity employees}. Only an organisation has a chief executive or staff.
     */
    private static final Set<String> ROLES_AFTER = Set.of("ceo", "cfo", "coo", "cto", "chief", "chairman",
            "chairwoman", "cofounder", "executives", "employees", "staffers");
    /**
     * Before a name, after another company's name: its relation to that company ({@code Coach owner Tapestry},
     * {@code Instagram parent Meta}). Either is an organisation.
     */
    static final Set<String> RELATIONS = Set.of("owner", "parent", "supplier", "rival", "subsidiary", "acquirer");
    /**
     * Verbs of winning business, before what is won: {@code Abbott wins FDA clearance}, {@code Airbus racks up strong
     * January orders}, {@code Boeing books 50 orders}.
     */
    private static final Set<String> WINS = Set.of("wins", "racks", "books", "bags", "lands", "secures", "clinches",
            "nabs", "snags", "gets", "receives");
    /** After {@code wins}: what a company wins ({@code Abbott wins FDA clearance}, not {@code United wins 2-0}). */
    private static final Set<String> WON = Set.of("approval", "clearance", "contract", "contracts", "order",
            "orders", "deal", "fda", "patent", "bid", "tender", "lawsuit", "license", "licence");
    /** Company news words: a rare-word name in a sentence with one of these is the company. */
    private static final Set<String> COMPANY_NEWS = Set.of("revenue", "revenues", "earnings", "profit", "profits",
            "sales", "dividend", "dividends", "guidance", "outlook", "quarter", "quarterly", "results", "eps",
            "premarket", "buyback", "buybacks", "acquisition", "acquires", "acquire", "acquired", "merger",
            "ipo", "shares", "stock", "downgrade", "downgraded", "downgrades", "upgrade", "upgraded", "upgrades",
            "analysts", "shareholders", "stockholders", "layoffs", "writedown", "impairment", "ebitda", "margin",
            "margins", "repurchase", "revs", "fy", "q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q");
    /** After {@code stock}, words that make it the market, not a company's stock ({@code stock-market decline}). */
    private static final Set<String> MARKET_WIDE = Set.of("market", "markets", "index", "indexes", "indices",
            "futures", "exchange", "exchanges", "prices");
    private static final Pattern FISCAL_YEAR = Pattern.compile("fy\\d{2,4}|[1-4]q\\d{0,4}|q[1-4]\\d{0,4}");
    /** Before a name: an article, or a kind of firm we do not list ({@code hedge fund Bridgewater}). */
    private static final Set<String> ARTICLES_AND_KINDS = Set.of("a", "an", "the", "firm", "fund", "startup",
            "manager", "lender", "insurer", "broker", "brokerage", "bank", "charity", "agency", "ministry", "club");
    /** What may stand between two names of one list: {@code ,}, {@code and}, {@code &}, {@code or}, {@code vs}. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(
            "\\s*(?:,\\s*(?:and\\s+|&\\s*|or\\s+)?|\\s(?:and|or|vs\\.?|versus|&)\\s|\\s*/\\s*)\\s*");

    /** An analyst's rating, after {@code to}: {@code cuts Target to equal weight}. */
    private static final Pattern RATING_AFTER = Pattern.compile("(?i)^\\s*(?:(upgraded|downgraded)\\b|to\\s+(?:an?\\s+)?"
            + "(?:strong\\s+)?(?:buy|sell|hold|neutral|overweight|underweight|equal[- ]?weight|market[- ]?weight"
            + "|outperform|underperform|(?:market|sector|peer)[- ]perform|in[- ]line|accumulate|reduce|positive"
            + "|negative)\\b)");
    /** Before a name: the analyst's verb whose object is the company rated ({@code Jefferies downgrades Target}). */
    private static final Pattern RATING_BEFORE = Pattern.compile("(?i)\\b(?:upgrades|downgrades|upgraded|downgraded"
            + "|initiates(?: coverage (?:of|on))?|starts coverage (?:of|on)|reinstates|resumes|cuts|raises|lifts|lowers"
            + "|moves|bumps|trims)\\s*$");
    /** Before a name: an analyst's verb on its own number for the company ({@code trims its Deckers target}). */
    private static final Pattern OWN_NUMBER_BEFORE = Pattern.compile("(?i)\\b(?:cuts|raises|lifts|lowers|trims|bumps"
            + "|boosts|hikes|ups|slashes|reiterates|maintains|sets)\\s+(?:its|their|his|her|the)\\s*$");
    /** After a name: the number an analyst keeps on it ({@code Deckers target}, {@code Nike price target}). */
    private static final Pattern OWN_NUMBER_AFTER = Pattern.compile(
            "(?i)^(?:'s|’s)?\\s*(?:price\\s+)?(?:targets?|pt|estimates?|rating|earnings estimates?)\\b");
    /** Before a name, on their own: the verbs whose object can only be the company rated. */
    private static final Pattern RATES_BEFORE = Pattern.compile(
            "(?i)\\b(?:upgrades|downgrades|initiates coverage (?:of|on)|starts coverage (?:of|on))\\s*$");
    private static final Set<String> BEATS = Set.of("beats", "misses", "tops");
    private static final Set<String> EXPECTATIONS = Set.of("by", "on", "estimates", "expectations", "consensus",
            "views", "forecasts", "analysts", "street", "wall", "top", "bottom", "q1", "q2", "q3", "q4");
    /** After {@code its}: what an analyst raises or cuts, not a company ({@code Baird raises its price target}). */
    private static final Set<String> ANALYST_OBJECTS = Set.of("price", "target", "targets", "pt", "rating", "ratings",
            "estimate", "estimates", "view", "stance", "recommendation", "call", "s");

    /** What a company does in a headline, third person: the subject before one of these is an organisation. */
    private static final Set<String> CORPORATE_VERBS = Set.of("unveils", "launches", "announces", "reports", "posts",
            "raises", "plans", "recalls", "expands", "hires", "acquires", "buys", "opens", "closes", "files", "signs",
            "releases", "introduces", "debuts", "ships", "delivers", "invests", "partners", "settles", "wins", "agrees",
            "completes", "appoints", "secures", "lands", "rolls", "cuts", "lays", "beats", "misses", "issues",
            "prices", "sells", "slashes", "trims", "lowers", "boosts", "halts", "suspends", "resumes", "sues",
            "merges", "spins", "teams", "pulls", "delays", "shutters", "axes", "names", "taps", "inks", "nabs");

    /**
     * Verbs of one company ranking against others in its market, after a name opening a feed item: {@code Samsung tops
     * smartphone shipments}, {@code Xiaomi overtakes ...}. A person rarely outsells anyone.
     */
    private static final Set<String> RANKS = Set.of("tops", "outsells", "overtakes", "surpasses", "outpaces",
            "outships", "dethrones", "eclipses", "outearns", "outgrows");

    private NameCues() {
    }

    /**
     * Verbs that, right after a one-word name opening a sentence, make it an organisation doing business: a person or
     * a place rarely recalls, posts profit or lays off ({@code Abbott recalls ...}, {@code Progressive posts ...},
     * {@code Gap names ...}); an index opens and closes, so those count only after {@code to} ({@code Target to
     * open ...}), as the base forms do.
     */
    private static final Set<String> SUBJECT_VERBS = Set.of("recalls", "launches", "unveils", "reports", "posts",
            "expands", "hires", "acquires", "releases", "introduces", "debuts", "ships", "delivers",
            "completes", "lays", "prices", "slashes", "trims", "lowers", "boosts", "halts", "suspends", "merges", "spins",
            "shutters", "axes", "cancels", "names", "cuts", "guides", "restructures", "relocates", "rebrands");
    private static final Set<String> SUBJECT_VERBS_AFTER_TO = Set.of("recall", "launch", "unveil", "report", "post",
            "expand", "hire", "acquire", "buy", "open", "close", "release", "introduce", "ship", "deliver", "lay",
            "sell", "slash", "trim", "halt", "suspend", "merge", "spin", "shutter", "axe", "cancel", "cut", "name",
            "shut", "exit", "list", "split", "pay", "restructure", "relocate", "rebrand", "continue", "resume", "stop",
            "end", "build", "invest", "seek", "start", "begin", "boost", "raise", "return", "offer", "join", "add",
            "drop", "quit", "sue", "appeal", "pursue", "explore", "consider", "develop", "supply", "enter", "replace",
            "reduce", "increase", "double", "spend", "phase", "scrap", "keep", "move", "take");

    /** Verbs after {@code to} that anything may take: a company's only with an object ({@code to continue search}). */
    private static final Set<String> OPEN_VERBS_AFTER_TO = Set.of("continue", "resume", "stop", "end", "start",
            "begin", "return", "keep", "move", "take", "drop", "double", "increase", "reduce");

    /** Whether the lower-case {@code word} is what a company does in a headline ({@code announces}). */
    static boolean corporateVerb(String word) {
        return CORPORATE_VERBS.contains(word);
    }

    /**
     * Whether {@code text} opens with a proper name that is not a common word, followed by a company's verb:
     * {@code Samsung unveils its thinnest phone}; not a person ({@code Musk unveils ...}, {@code Buffett trims his
     * stake}). Such an item of a per-ticker feed is about that company, listed or
     * not, so the feed's own ticker does not stand in for it. {@code Chip stocks rally}, {@code Stocks to watch} and
     * {@code Market wrap: ...} open with common words.
     */
    static boolean namedSubject(String text, WordLists words) {
        int at = 0;
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
        int first = at;
        for (int names = 0; names < 4; names++) {
            int to = at;
            while (to < text.length() && Character.isLetterOrDigit(text.charAt(to))) {
                to++;
            }
            String word = text.substring(at, to);
            if (names == 0 && !word.isEmpty() && possessiveEnd(text, to) > to) {
                return ownedThing(text, possessiveEnd(text, to), word, words) // "Huawei's new phone sells out"
                        || Character.isUpperCase(word.charAt(0)) && !NameContext.person(word)
                        && !words.isFunctionWord(word.toLowerCase())
                        && SERVICE_AFTER.matcher(text.substring(to, Math.min(text.length(), to + 40))).find();
            }
            if (word.isEmpty() || to >= text.length() || text.charAt(to) != ' ') {
                return false;
            }
            boolean name = Character.isUpperCase(word.charAt(0)) && word.chars().anyMatch(Character::isLowerCase);
            if (names == 0 && (!name || words.isCommon(word.toLowerCase()) || NameContext.person(word))) {
                return false; // "Elon Musk unveils ...", "Musk unveils ...": a person, not another company
            }
            if (names == 1 && name && productAfter(text, text.substring(first, at - 1), at, to, words)) {
                return true; // "Samsung Galaxy S25 review": another company's product
            }
            if (!name) {
                if (names == 1 && (OWNED_AFTER.contains(word) || MARKET_AFTER.contains(word))
                        && ownerName(text.substring(first, at - 1), words)) {
                    return true; // "Huawei revenue jumps 20%", "Samsung shares slide": that company's figures
                }
                if (names > 0 && MILESTONE.contains(word) && to + 1 < text.length()
                        && (Character.isDigit(text.charAt(to + 1)) || text.charAt(to + 1) == '$')) {
                    return true; // "Tubi passes 100 million monthly viewers": that company's figure
                }
                return names > 0 && (CORPORATE_VERBS.contains(word) || RANKS.contains(word)) && !personalObject(text, to);
            }
            at = to + 1;
        }
        return false;
    }

    /**
     * Whether the possessive {@code word's} opening a feed item, a proper name that is no common word, no person and no
     * place, owns what only a company has in the next three words: {@code Huawei's new phone sells out}, {@code Xiaomi's
     * sales}; not {@code Trump's tariffs}, {@code China's exports}, {@code Musk's pay package}.
     */
    private static boolean ownedThing(String text, int after, String word, WordLists words) {
        if (!ownerName(word, words)) {
            return false;
        }
        int from = after < text.length() && text.charAt(after) == ' ' ? after + 1 : after;
        int to = from;
        while (to < text.length() && Character.isLetterOrDigit(text.charAt(to))) {
            to++;
        }
        if (to > from && Character.isUpperCase(text.charAt(from)) && to < text.length() && text.charAt(to) == ' '
                && productAfter(text, word, from, to, words)) {
            return true; // "Anthropic's Claude gains share"
        }
        List<String> next = Words.lower(text, after, Math.min(text.length(), after + 40));
        for (int i = 0; i < Math.min(3, next.size()); i++) {
            if (OWNED_AFTER.contains(next.get(i)) || MARKET_AFTER.contains(next.get(i)) || SITES.contains(next.get(i))
                    || PRODUCTS.contains(next.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word at [{@code from}, {@code to}), capitalised, after the name {@code owner} opening a feed item not
     * written in title case, is that company's product: {@code Samsung Galaxy S25 review}, {@code
     * Anthropic's Claude gains share}. Not a person's full name ({@code Jensen Huang says ...}): the name is no given
     * name, the word no known surname, and no verb of speech follows.
     */
    private static boolean productAfter(String text, String owner, int from, int to, WordLists words) {
        String product = text.substring(from, to);
        if (!ownerName(owner, words) || NameContext.person(product) || titleCase(text)) {
            return false;
        }
        String after = Words.next(text, to).toLowerCase();
        return !NameContext.personVerb(after) && !after.equals("and");
    }

    /** Whether {@code word} may name a company that owns things: a proper name, rare, no person and no place. */
    private static boolean ownerName(String word, WordLists words) {
        boolean name = !word.isEmpty() && Character.isUpperCase(word.charAt(0))
                && word.chars().anyMatch(Character::isLowerCase);
        String lower = word.toLowerCase();
        return name && words.isRare(lower) && !NameContext.person(word) && !CompanyNames.GEOGRAPHY.contains(lower);
    }

    /**
     * A brand written with a capital inside, as companies write theirs: {@code TikTok}, {@code ByteDance}; not a field
     * label such as {@code AccNo} in SEC feeds (one letter after the capital).
     */
    private static final Pattern BRAND = Pattern.compile("(?<![\\w$@#])([A-Z][a-z]+[A-Z][a-z]{2,})(?![\\w])");
    /** Family-name prefixes written with a capital inside: {@code McCarthy}, {@code DeSantis}, {@code LeBron}. */
    private static final Pattern NAME_PREFIX = Pattern.compile(
            "^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|Du|Del|Della|O)[A-Z]");
    /** Products of the largest listed companies written so, which a feed of their owner carries as its own news. */
    static final Map<String, String> PRODUCT_OWNERS = Map.ofEntries(Map.entry("YouTube", "GOOGL"),
            Map.entry("DeepMind", "GOOGL"), Map.entry("WhatsApp", "META"), Map.entry("LinkedIn", "MSFT"),
            Map.entry("GitHub", "MSFT"), Map.entry("PowerPoint", "MSFT"), Map.entry("PlayStation", "SONY"),
            Map.entry("GeForce", "NVDA"), Map.entry("MacBook", "AAPL"), Map.entry("AirPods", "AAPL"),
            Map.entry("FaceTime", "AAPL"), Map.entry("CarPlay", "AAPL"), Map.entry("AirTag", "AAPL"),
            Map.entry("Waymo", "GOOGL"));

    /**
     * The brands written with a capital inside in {@code text} ({@code TikTok}, {@code ByteDance}), not family names
     * ({@code McCarthy}, {@code DeSantis}).
     */
    static List<String> brands(String text) {
        List<String> out = new ArrayList<>(1);
        Matcher brand = BRAND.matcher(text);
        while (brand.find()) {
            if (!NAME_PREFIX.matcher(brand.group(1)).find()) {
                out.add(brand.group(1));
            }
        }
        return out;
    }

    /** Whether {@code his} or {@code her} follows the verb ending at {@code end}: {@code Buffett trims his stake}. */
    private static boolean personalObject(String text, int end) {
        return text.startsWith(" his ", end) || text.startsWith(" her ", end);
    }

    /**
     * Whether the name at [start, end) of {@code text} is the company an analyst rates: {@code Target downgraded},
     * {@code Wells Fargo cuts Target to equal weight}, {@code Jefferies downgrades Target}.
     */
    static boolean rated(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 40), start);
        if (OWN_NUMBER_BEFORE.matcher(before).find()
                && OWN_NUMBER_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 30))).find()) {
            return true; // "Wells Fargo trims its Deckers target": the company rated
        }
        Matcher rating = RATING_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 30)));
        if (rating.find()) {
            return rating.group(1) != null || RATING_BEFORE.matcher(before).find(); // "Target downgraded"
        }
        return RATES_BEFORE.matcher(before).find();
    }

    /**
     * Whether the name at [start, end) reports against expectations: {@code Jacobs beats by $0.17}, {@code Target
     * misses on revenue}, {@code Gap tops estimates}.
     */
    static boolean beatsOrMisses(String text, int end) {
        List<String> after = Words.lower(text, end, Math.min(text.length(), end + 40));
        return after.size() >= 2 && onlySpaces(text, end) && Character.isLowerCase(text.charAt(end + 1))
                && BEATS.contains(after.get(0)) && EXPECTATIONS.contains(after.get(1));
    }

    /**
     * Whether the name at [start, end) is the subject of a verb on its own business: {@code United raises its fuel
     * forecast}, {@code Gap names its new CFO}. Only an organisation takes {@code its}; an analyst's object
     * ({@code its price target}) does not count.
     */
    static boolean ownAction(String text, int end) {
        List<String> after = Words.lower(text, end, Math.min(text.length(), end + 40));
        if (after.size() < 3 || !onlySpaces(text, end)) {
            return false;
        }
        String verb = after.get(0);
        return verb.length() >= 4 && verb.endsWith("s") && !verb.endsWith("ss") && after.get(1).equals("its")
                && !ANALYST_OBJECTS.contains(after.get(2)) && Character.isLetter(text.charAt(end + 1));
    }

    /** Whether the lower-case {@code word} is a market word that may follow a company's name ({@code shares}). */
    static boolean marketAfter(String word) {
        return MARKET_AFTER.contains(word);
    }

    /**
     * Whether the name at [start, end) opens the text or a sentence and an organisation's verb follows it, in lower
     * case: {@code Abbott recalls some glucose monitors}, {@code Kohl's to close 27 stores}, {@code UPDATE 1-Gap names
     * a new chief}; not before {@code his} or {@code her}. A headline in title case has no lower-case verb, so it needs
     * another cue.
     */
    static boolean companySubject(String text, int start, int end) {
        int head = start;
        while (head > 0 && text.charAt(head - 1) == ' ') {
            head--;
        }
        if (head > 0 && ".!?:;\"“(-–—|".indexOf(text.charAt(head - 1)) < 0) {
            return false;
        }
        int at = end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '’')
                && text.charAt(end + 1) == 's' ? end + 2 : end; // "Kohl's to close"
        if (!onlySpaces(text, at) || at + 1 >= text.length() || !Character.isLowerCase(text.charAt(at + 1))) {
            return false;
        }
        List<String> after = Words.lower(text, at, Math.min(text.length(), at + 30));
        if (after.isEmpty() || after.size() > 1 && (after.get(1).equals("his") || after.get(1).equals("her"))) {
            return false; // "Icahn trims his stake": a person
        }
        return SUBJECT_VERBS.contains(after.get(0))
                || after.get(0).equals("to") && after.size() > 1 && SUBJECT_VERBS_AFTER_TO.contains(after.get(1))
                && !(OPEN_VERBS_AFTER_TO.contains(after.get(1)) && (after.size() < 3 || after.get(2).endsWith("ing")
                || after.get(2).equals("to"))) // "Shell to continue search ..."; not "Delta to continue spreading"
                || WINS.contains(after.get(0)) && won(after)
                || after.get(0).equals("estimates") && after.size() > 1 && Character.isDigit(after.get(1).charAt(0));
                // "Tapestry estimates 2020 negative impact of $200 mln": a company puts a figure on its business
    }

    /** Whether one of the three words after {@code wins} is what a company wins ({@code wins a $1 billion contract}). */
    private static boolean won(List<String> after) {
        for (int i = 1; i < Math.min(after.size(), 5); i++) {
            if (WON.contains(after.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a role of a company's people follows the name at [start, end) of {@code text}: {@code Former Marriott CEO
     * Arne Sorenson}, {@code Delta chief executive}, {@code Unity employees}.
     */
    static boolean roleAfter(String text, int end) {
        if (!onlySpaces(text, end)) {
            return false;
        }
        String next = Words.next(text, end).toLowerCase();
        return ROLES_AFTER.contains(next) || next.equals("co") && text.startsWith("-founder", end + 3);
    }

    /**
     * Whether the name at {@code start} follows its relation to another capitalised name: {@code Coach Owner Tapestry},
     * {@code Instagram parent Meta}; a name written there may be followed by another capitalised word
     * ({@code Coach Owner Tapestry Sales Top Estimates}).
     */
    static boolean related(String text, int start) {
        String relation = Words.previous(text, start);
        if (!RELATIONS.contains(relation.toLowerCase())) {
            return false;
        }
        String other = Words.previous(text, start - 1 - relation.length());
        return other.length() >= 2 && Character.isUpperCase(other.charAt(0));
    }

    /**
     * A market word right after [start, end) of {@code text}, also after a possessive ({@code Target's stock soars},
     * {@code Target's sales}), or {@code shares of} right before.
     */
    static boolean marketWord(String text, int start, int end) {
        int at = possessiveEnd(text, end);
        List<String> after = Words.lower(text, at, Math.min(text.length(), at + 20));
        // "#Navigator #Stock #MarketScreener" is a feed's boilerplate, not the stock
        if (!after.isEmpty() && (MARKET_AFTER.contains(after.get(0)) || at > end && OWNED_AFTER.contains(after.get(0)))
                && onlySpaces(text, at) && text.charAt(at + 1) != '#'
                && !(after.size() > 1 && MARKET_WIDE.contains(after.get(1)))) {
            return true;
        }
        if (at > end && siteAfter(text, at)) {
            return true;
        }
        List<String> before = Words.lower(text, Math.max(0, start - 20), start);
        int n = before.size();
        return n >= 2 && before.get(n - 1).equals("of") && (before.get(n - 2).equals("shares")
                || before.get(n - 2).equals("stake"));
    }

    /**
     * Whether a hyphen and a participle of ownership or lead follow the name ending at {@code end}: {@code Shell-led
     * Lake Charles LNG}, {@code SoftBank-backed}, {@code Amazon-owned}. Only an organisation leads, backs or owns so.
     */
    static boolean ledCompound(String text, int end) {
        if (end + 1 >= text.length() || text.charAt(end) != '-') {
            return false;
        }
        int to = end + 1;
        while (to < text.length() && Character.isLetter(text.charAt(to))) {
            to++;
        }
        return LED.contains(text.substring(end + 1, to).toLowerCase());
    }

    /** Whether a possessive and a company's site follow the name ending at {@code end}: {@code Shell's ... refinery}. */
    static boolean site(String text, int end) {
        int at = possessiveEnd(text, end);
        return at > end && siteAfter(text, at);
    }

    /**
     * Whether one to three capitalised words of a place, then a site in lower case that only a company runs, follow
     * {@code at} (after a possessive): {@code Shell's Puget Sound refinery}, {@code Ford's Louisville plant}; not
     * {@code Ford's Theatre}.
     */
    private static boolean siteAfter(String text, int at) {
        int position = at;
        for (int words = 0; words < 4; words++) {
            String next = Words.next(text, position);
            if (next.isEmpty()) {
                return false;
            }
            if (words > 0 && SITES.contains(next)) {
                return true;
            }
            if (!Words.capitalised(next)) {
                return false;
            }
            position += 1 + next.length();
        }
        return false;
    }

    /** A price move in per cent right after a name: {@code Evolent down 6%}, {@code Qudian sinks 5.3%}. */
    private static final Pattern PERCENT_MOVE = Pattern.compile("^ (?:up|down|off|gains?|gained|rises?|rose|falls?|fell"
            + "|drops?|dropped|jumps?|jumped|slides?|slid|sinks?|sank|climbs?|climbed|soars?|soared|plunges?|plunged"
            + "|tumbles?|tumbled|surges?|surged|rallies|rallied|slips?|slipped|spikes?|spiked|dips?|dipped) "
            + "(?:as much as |more than |nearly |almost |about )?[+-]?\\d+(?:\\.\\d+)?%");

    /** Whether a price move in per cent follows the name ending at {@code end} of {@code text}. */
    static boolean percentMove(String text, int end) {
        return PERCENT_MOVE.matcher(text.substring(end, Math.min(text.length(), end + 40))).find();
    }

    /** Company news in the sentence around [start, end) of {@code text} ({@code revenue}, {@code shares}, {@code Q3}). */
    static boolean companyNews(String text, int start, int end) {
        int from = start;
        while (from > 0 && !sentenceEnd(text, from - 1)) {
            from--;
        }
        int to = end;
        while (to < text.length() && !sentenceEnd(text, to)) {
            to++;
        }
        List<String> sentence = Words.lower(text, from, to, true); // "#Stock #MarketScreener" is boilerplate
        for (int i = 0; i < sentence.size(); i++) {
            String word = sentence.get(i);
            boolean marketWide = (word.startsWith("stock") || word.startsWith("share")) && i + 1 < sentence.size()
                    && MARKET_WIDE.contains(sentence.get(i + 1));
            boolean notForProfit = word.equals("profit") && i > 0 && sentence.get(i - 1).equals("for");
            if (COMPANY_NEWS.contains(word) && !marketWide && !notForProfit || FISCAL_YEAR.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a one-word name at [start, end) of {@code text} that is also a word stands on its own, rather than being
     * a word of something longer: written {@code Xxxx} ({@code ASCENT} is a study, {@code WestRock} another company),
     * not inside a hyphenated compound ({@code Bristol-Myers}), not after an article ({@code a Stellar Stock}) or
     * another capitalised word ({@code Clovis Oncology}; {@code Why Deluxe} is fine), and not before a capitalised word
     * other than a market word, an acronym, a legal form or a trade ({@code Eaton Vance}, {@code Luckin Coffee}; not
     * {@code Zoom Video}). With its legal
     * form ({@code checkNext} false) only the words before count.
     */
    static boolean standsAlone(String text, int start, int end, boolean checkNext) {
        return standsAlone(text, start, end, checkNext, false);
    }

    /**
     * As {@link #standsAlone(String, int, int, boolean)}; {@code ownSpelling} when the text writes the word as the
     * company's title does ({@code OneWater} of OneWater Marine), which counts as capitalised.
     */
    static boolean standsAlone(String text, int start, int end, boolean checkNext, boolean ownSpelling) {
        if (checkNext && !ownSpelling && !Words.capitalised(text.substring(start, end))) {
            return false; // with its legal form, "DLH Holdings" and "APi Group" may be written as they like
        }
        if (start >= 2 && text.charAt(start - 1) == '-' && Character.isLetter(text.charAt(start - 2))
                || end + 1 < text.length() && text.charAt(end) == '-' && Character.isLetter(text.charAt(end + 1))
                && !ledCompound(text, end)) {
            return false;
        }
        String previous = Words.previous(text, start);
        String lower = previous.toLowerCase();
        if (ARTICLES_AND_KINDS.contains(lower)) {
            return false; // "a Stellar Stock", "private-equity firm Advent"
        }
        if (!previous.isEmpty() && Character.isUpperCase(previous.charAt(0)) && !NameContext.lead(lower)
                && !Words.allCapitals(previous)) {
            return false;
        }
        String next = Words.next(text, end);
        return !checkNext || next.isEmpty() || !Character.isUpperCase(next.charAt(0)) || Words.allCapitals(next)
                || MARKET_AFTER.contains(next.toLowerCase()) || CompanyNames.legalForm(next.toLowerCase()) != null
                || CompanyNames.descriptor(next.toLowerCase()); // "Zoom Video", as the company was called
    }

    /** Whether {@code text} uses the vocabulary of {@code sector}. */
    static boolean about(String text, Sector sector) {
        for (String word : Words.lower(text, 0, text.length())) {
            if (sector.vocabulary.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether only a list separator stands between [.., end) and [start, ..) of {@code text}. */
    static boolean listed(String text, int end, int start) {
        return end <= start && start - end <= 12 && LIST_SEPARATOR.matcher(text.substring(end, start)).matches();
    }

    /** A headline in title case: most words of four letters or more start upper case. */
    static boolean titleCase(String text) {
        int words = 0;
        int capitalised = 0;
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < text.length() && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i - start >= 4) {
                words++;
                capitalised += Character.isUpperCase(text.charAt(start)) ? 1 : 0;
            }
        }
        return words >= 3 && capitalised * 10 >= words * 7;
    }

    /** A full stop, question or exclamation mark or semicolon before a space or the end ({@code $0.17} is none). */
    private static boolean sentenceEnd(String text, int at) {
        return ".!?;\n".indexOf(text.charAt(at)) >= 0 && (at + 1 == text.length() || text.charAt(at + 1) == ' ');
    }

    /** The index after a possessive {@code 's} at {@code end} ({@code Target's}), or {@code end}. */
    private static int possessiveEnd(String text, int end) {
        return end + 1 < text.length() && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019')
                && text.charAt(end + 1) == 's' ? end + 2 : end;
    }

    private static boolean onlySpaces(String text, int end) {
        return end < text.length() && text.charAt(end) == ' ';
    }
}
