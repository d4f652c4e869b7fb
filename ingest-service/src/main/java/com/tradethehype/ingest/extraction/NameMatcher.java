package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds company names in a text with one Aho-Corasick pass over the folded text. The dictionary holds, for each
 * Nasdaq/NYSE/Cboe company that is not a fund: its SEC title ({@code Realty Income Corp}), its short form without
 * legal suffixes ({@code Realty Income}) and without trade words ({@code Arbutus Biopharma} -> {@code Arbutus}), and
 * the hand-written aliases ({@code Apple}, {@code Macy's}). A short form of several words, or one word that is not
 * English ({@code Allstate}), counts wherever it is written as a name. A short form that is an English word needs
 * more: its legal form after it ({@code Target Corp}, {@code Match Group}), a market word beside it ({@code Snap
 * shares}), a list with another company ({@code Visa and Mastercard}), company news in its sentence when the word is
 * rare ({@code Deluxe delivered record revenue}), or its trade's vocabulary when the title names the trade after it
 * ({@code Delta} in a text about flights; see {@link NameCues}), or an organisation's verb after it at the head of a
 * sentence ({@code Abbott recalls ...}, {@code Abbott wins FDA clearance}), a market word after its possessive
 * ({@code Target's stock}), its chief or staff after it ({@code Former Marriott CEO}), or its relation to another
 * name before it ({@code Coach Owner Tapestry}). A bank's word without its {@code Bancorp} yields to another
 * company of that name ({@code Unity} is Unity Software), and a former name that is a word counts with a cue
 * ({@code Square reports ...} is Block). A short form two companies share is dropped; a title the SEC writes without
 * its possessive ({@code KOHLS Corp}) also counts as the directory spells it ({@code Kohl's}). A match counts only on
 * word boundaries, written with capitals ({@code apple pie} is not Apple), not as part of a person's name or a longer
 * proper noun (see {@link NameContext}), nor when the words after it end another entity's name ({@code Teekay Offshore
 * Partners L.P.}, {@code iShares Global Clean Energy ETF}), and the longest match wins where two overlap.
 */
final class NameMatcher {

    /**
     * A company name found in a text; {@code start}/{@code end} index the original text; {@code foreignOtc} when the
     * name is a foreign company's that trades only over the counter (see {@link #FOREIGN_OTC}).
     */
    record Match(String symbol, String text, int start, int end, boolean foreignOtc) {
    }

    private static final Set<String> SMALL_WORDS = Set.of("of", "and", "the", "de", "du", "la", "for", "a", "an",
            "in", "on", "at", "y", "s");
    /** Private investment firms share these brands with listed funds: {@code Bain Capital} is not BCSF. */
    private static final Set<String> INVESTMENT_WORDS = Set.of("capital", "partners", "financial", "investment",
            "investments", "investors", "trust", "fund", "funds", "income", "management", "ventures", "equity", "asset");
    /** Words that end a fund's name: a company's name before them is its sponsor or its theme. */
    private static final Set<String> FUND_WORDS = Set.of("etf", "etfs", "etn", "fund", "funds", "trust", "income",
            "municipal", "portfolio", "index");
    /** Partnership and legal forms that end another entity's name after a word the company's title lacks. */
    private static final Set<String> ENTITY_WORDS = Set.of("partners", "lp", "llc", "inc", "corp", "corporation",
            "ltd", "limited", "plc", "holdings", "sa", "nv", "ag", "se");
    /**
     * A lender's words after a name whose own title lacks them: another company ({@code Meta Financial}), unless the
     * name is a bank's ({@code HSBC Bank USA}).
     */
    private static final Set<String> LENDER_WORDS = Set.of("financial", "bancorp", "bancshares", "bank", "savings",
            "insurance");
    /** Words that end the name of a public body or an association, after a word the company's title lacks. */
    private static final Set<String> INSTITUTIONS = Set.of("administration", "agency", "department", "commission",
            "council", "association", "institute", "authority", "bureau", "ministry", "office", "board", "committee",
            "federation", "foundation", "university", "society");
    private static final Set<String> LISTED_EXCHANGES = Set.of("Nasdaq", "NYSE", "CBOE");
    /** Venues named for a company, after its name: {@code Wells Fargo Center}, {@code Capital One Arena}. */
    private static final Set<String> VENUES = Set.of("center", "centre", "arena", "stadium", "field", "park",
            "theatre", "theater", "hall", "pavilion", "amphitheater", "amphitheatre", "dome", "coliseum", "ballpark",
            "speedway", "plaza", "tour", "club", "marathon", "classic", "championship", "championships",
            "invitational", "bowl", "cup", "regatta", "foundation", "raceway", "auditorium", "endowment");
    /**
     * An SEC title of a foreign company traded over the counter: an ADR or a foreign legal form at the end
     * ({@code Airbus SE/ADR}, {@code BAE SYSTEMS PLC /FI/}, {@code DEUTSCHE TELEKOM AG}). Such companies are named in
     * news as often as listed ones, but their names enter the dictionary only where no listed company's name is the same.
     */
    private static final Pattern FOREIGN_OTC = Pattern.compile("/\\s*ADR|/FI/?$|(?:\\s|^)(?:PLC|plc|AG|SE|N\\.?V\\.?|S\\.?A\\.?"
            + "|ASA|A/S|Oyj|OYJ|S\\.?p\\.?A\\.?|SpA|SPA|KGaA|AB)\\W*$");
    /** The ADR or foreign-issuer tag glued to an SEC title: {@code Airbus SE/ADR}, {@code BAE SYSTEMS PLC /FI/}. */
    private static final Pattern ADR_TAG = Pattern.compile("\\s*/\\s*(?:ADR|FI)\\s*/?\\s*$");
    private final AhoCorasick automaton;
    private final WordLists words;
    private final List<String> symbols = new ArrayList<>();
    private final List<String> spelling = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    /** The legal forms in each company's SEC title, as {@link CompanyNames#legalForm} spells them. */
    private final Map<String, Set<String>> legalFormsOf = new HashMap<>();
    /** The words of each company's folded SEC title ({@code nxp semiconductors nv}). */
    private final Map<String, String[]> titleWords = new HashMap<>();
    private final List<NameCues.Sector> sectors = new ArrayList<>();
    /** A word with a capital inside it, as brands write themselves: {@code OneWater}, {@code AngloGold}. */
    private static final Pattern INNER_CAPITAL = Pattern.compile(
            "[A-Z][a-z]+[A-Z][A-Za-z]*");
    /** The first word of a title written in camel case, as the title spells it: {@code OneWater} of OneWater Marine. */
    private final Map<String, String> camelFirstWord = new HashMap<>();
    /** Whether each dictionary entry is a foreign OTC company's name. */
    private final List<Boolean> foreignOtc = new ArrayList<>();
    /** One-word distinctive names whose plural still names the company ({@code Teslas}). */
    private final List<Boolean> plurals = new ArrayList<>();

    /** How much a dictionary name needs around it to count. */
    private enum Kind {
        /** Counts as written: several words, a word that is not English, or an alias. */
        DISTINCTIVE,
        /** A rare English word ({@code Deluxe}): legal form, market word, list, or company news in its sentence. */
        RARE_WORD,
        /** A common English word ({@code Snap}, {@code Visa}): legal form, market word or list. */
        COMMON_WORD,
        /** The rare first word of a longer name ({@code Sirius} of Sirius XM): as a rare word, but no legal form. */
        FIRST_WORD,
        /** The company's word before its trade ({@code Delta} of Delta Air Lines): as a common word, or the trade's vocabulary. */
        TRADE_HEAD
    }

    NameMatcher(TickerUniverse universe, WordLists words) {
        this.words = words;
        Map<String, String> symbolOf = new HashMap<>();
        Map<String, String> weakSymbolOf = new HashMap<>();
        Map<String, String> commonSymbolOf = new HashMap<>();
        Map<String, String> headSymbolOf = new HashMap<>();
        Map<String, NameCues.Sector> sectorOf = new HashMap<>();
        Map<String, String> firstSymbolOf = new HashMap<>();
        Map<String, String> bankWordOf = new HashMap<>();
        Set<String> firstAmbiguous = new HashSet<>();
        Map<String, String> written = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Set<Long> seenCiks = new HashSet<>();
        for (Listing company : universe.companies()) {
            if (company.exchange() == null || !LISTED_EXCHANGES.contains(company.exchange()) || company.etf()
                    || !seenCiks.add(company.cik())) {
                continue;
            }
            String full = NormalisedText.fold(CompanyNames.cleanTitle(company.name()));
            String shortForm = CompanyNames.stripSuffixes(full);
            titleWords.put(company.symbol(), full.split(" "));
            for (String token : full.split(" ")) {
                String form = CompanyNames.legalForm(token);
                if (form != null) {
                    legalFormsOf.computeIfAbsent(company.symbol(), s -> new HashSet<>(2)).add(form);
                }
            }
            if (!full.equals(shortForm) && full.indexOf(' ') > 0) {
                add(full, company.symbol(), symbolOf, ambiguous);
            }
            for (String name : CompanyNames.shortenedForms(full, shortForm)) {
                add(name, company.symbol(), symbolOf, ambiguous); // "VF Corp", "CH Robinson", "Warner Bros"
            }
            String tradeless = CompanyNames.stripTradeWords(shortForm);
            List<String> names = new ArrayList<>(List.of(shortForm, tradeless));
            if (shortForm.startsWith("o ") && shortForm.indexOf(' ', 2) > 3) {
                // the SEC's "O REILLY AUTOMOTIVE" as news writes it, "O'Reilly Automotive" (folded without apostrophe)
                names.add("o" + shortForm.substring(2));
            }
            String possessive = universe.possessiveTitle(company.symbol());
            if (possessive != null) {
                // "Kohl's" as news writes it, beside the SEC's "Kohls"; alone, "Kohl" needs its possessive
                String possessiveShort = CompanyNames.stripSuffixes(NormalisedText.fold(CompanyNames.cleanTitle(possessive)));
                names.add(possessiveShort);
                if (possessiveShort.indexOf(' ') < 0) {
                    written.putIfAbsent(possessiveShort, Character.toUpperCase(possessiveShort.charAt(0))
                            + possessiveShort.substring(1) + "'s");
                }
            }
            for (String name : names) {
                if (name.isEmpty() || name.chars().allMatch(c -> Character.isDigit(c) || c == ' ')) {
                    continue;
                }
                if (CompanyNames.GENERIC.containsAll(List.of(name.split(" ")))) {
                    continue;
                }
                boolean distinctive = name.indexOf(' ') > 0 || name.length() >= 4 && !words.isEnglish(name);
                // a bank without its "Bancshares" is mostly a place: "hedge fund Bridgewater" is not Bridgewater Bancshares
                if (distinctive && name != shortForm && name.indexOf(' ') < 0 && CompanyNames.bankTitle(shortForm)) {
                    add(name, company.symbol(), weakSymbolOf, ambiguous);
                } else if (distinctive) {
                    add(name, company.symbol(), symbolOf, ambiguous);
                } else if (CompanyNames.GEOGRAPHY.contains(name)) {
                    continue; // "China" of China Pharma is the country
                } else if (name != shortForm && name.length() >= 3 && CompanyNames.bankTitle(shortForm)) {
                    add(name, company.symbol(), bankWordOf, ambiguous); // "Unity" of Unity Bancorp yields to Unity Software
                } else if (name.length() >= 3 && !words.isCommon(name)) {
                    add(name, company.symbol(), weakSymbolOf, ambiguous); // "City Group" is nobody: rare words only
                } else if (name.length() >= 3) {
                    add(name, company.symbol(), commonSymbolOf, ambiguous); // "Gap" with a cue: "Gap names ..."
                }
            }
            String[] tokens = tradeless.split(" ");
            String firstWritten = company.name().split("[ ,]")[0];
            if (tokens.length > 1 && firstWritten.length() >= 4 && NormalisedText.fold(firstWritten).equals(tokens[0])
                    && INNER_CAPITAL.matcher(firstWritten).matches() && !firstWritten.startsWith("Mc")
                    && !firstWritten.startsWith("Mac")) {
                camelFirstWord.put(company.symbol(), firstWritten);
            }
            if (tokens.length > 1 && CompanyNames.mayStandAlone(tokens[0]) && words.isRare(tokens[0])
                    && !words.slang.contains(tokens[0].toUpperCase())) {
                add(tokens[0], company.symbol(), firstSymbolOf, firstAmbiguous); // "Sirius" of Sirius XM
            }
            tokens = shortForm.split(" ");
            NameCues.Sector sector = NameCues.Sector.of(full.split(" "));
            if (sector != null && words.isEnglish(tokens[0]) && tokens[0].length() >= 4) {
                add(tokens[0] + "/" + sector, company.symbol(), headSymbolOf, ambiguous);
            }
        }
        Map<String, String> foreignOtcOf = new HashMap<>();
        Set<String> foreignNames = new HashSet<>();
        Map<String, String> foreignRareOf = new HashMap<>();
        Set<String> foreignAmbiguous = new HashSet<>();
        for (Listing company : universe.companies()) {
            // foreign companies whose only US symbols are OTC ADRs or ordinaries: "Airbus" (EADSF), "BAE Systems"
            if (!"OTC".equals(company.exchange()) || company.etf() || !(FOREIGN_OTC.matcher(company.name()).find()
                    || foreignSymbol(universe, company.cik())) || !seenCiks.add(company.cik())) {
                continue;
            }
            String full = NormalisedText.fold(CompanyNames.cleanTitle(ADR_TAG.matcher(company.name()).replaceFirst("")));
            String shortForm = CompanyNames.stripSuffixes(full);
            titleWords.putIfAbsent(company.symbol(), full.split(" "));
            for (String name : new LinkedHashSet<>(List.of(shortForm, CompanyNames.stripTradeWords(shortForm)))) {
                boolean oneWord = name.indexOf(' ') < 0;
                if (oneWord && (name.length() < 5 || words.isCommon(name) || !name.chars().allMatch(Character::isLetter)
                        || CompanyNames.GEOGRAPHY.contains(name))
                        || CompanyNames.GENERIC.containsAll(List.of(name.split(" ")))) {
                    continue; // only names that say who: not "Metro", "Mercury"
                }
                // a rare word ("Airbus" is in the vocabulary) needs a cue, as a listed company's would
                add(name, company.symbol(), oneWord && words.isEnglish(name) ? foreignRareOf : foreignOtcOf,
                        foreignAmbiguous);
            }
        }
        for (Map<String, String> foreign : List.of(foreignOtcOf, foreignRareOf)) {
            foreignAmbiguous.forEach(foreign::remove);
            foreign.forEach((name, symbol) -> {
                // a listed company's name, whole or a word of it, always wins over a foreign OTC one
                boolean free = !symbolOf.containsKey(name) && !weakSymbolOf.containsKey(name)
                        && !commonSymbolOf.containsKey(name) && !firstSymbolOf.containsKey(name)
                        && !bankWordOf.containsKey(name) && !ambiguous.contains(name);
                if (free && foreign == foreignOtcOf) {
                    symbolOf.put(name, symbol);
                    foreignNames.add(name);
                } else if (free && !foreignOtcOf.containsKey(name)) {
                    weakSymbolOf.put(name, symbol);
                    foreignNames.add(name);
                }
            });
        }
        bankWordOf.forEach((name, symbol) -> {
            // a bank's word without its "Bancorp" names the bank only when no other company is called so
            if (!symbolOf.containsKey(name) && !weakSymbolOf.containsKey(name) && !commonSymbolOf.containsKey(name)) {
                (words.isCommon(name) ? commonSymbolOf : weakSymbolOf).put(name, symbol);
            }
        });
        ambiguous.forEach(symbolOf::remove);
        Map<String, String> marketNames = new HashMap<>();
        CompanyNames.MARKET_NAMES.forEach(name -> {
            String symbol = symbolOf.remove(name);
            if (symbol != null) {
                marketNames.put(name, symbol); // "S&P Global stock", "Nasdaq shares": with a cue, the company
            }
        });
        CompanyNames.NOT_COMPANIES.forEach(symbolOf::remove);
        words.aliases.forEach((alias, symbol) -> {
            String key = NormalisedText.fold(alias);
            foreignNames.remove(key);
            symbolOf.put(key, symbol);
            written.put(key, alias);
        });
        for (Map<String, String> conditional : List.of(weakSymbolOf, commonSymbolOf)) {
            conditional.keySet().removeAll(symbolOf.keySet());
            ambiguous.forEach(conditional::remove);
            CompanyNames.NOT_COMPANIES.forEach(conditional::remove);
        }
        commonSymbolOf.keySet().removeAll(weakSymbolOf.keySet());
        commonSymbolOf.putAll(marketNames);
        CompanyNames.FORMER_WORD_NAMES.forEach((name, symbol) -> {
            if (universe.contains(symbol) && !symbolOf.containsKey(name) && !weakSymbolOf.containsKey(name)) {
                commonSymbolOf.putIfAbsent(name, symbol); // "Square reports ..." is Block, as it was called
            }
        });
        firstAmbiguous.forEach(firstSymbolOf::remove);
        Map<String, String> firstWordOf = new HashMap<>();
        CompanyNames.NOT_COMPANIES.forEach(firstSymbolOf::remove);
        firstSymbolOf.forEach((first, symbol) -> {
            // the first word of one company's name only, and nobody's whole name: as a rare word, it needs a cue
            if (!symbolOf.containsKey(first) && !weakSymbolOf.containsKey(first) && !commonSymbolOf.containsKey(first)
                    && !ambiguous.contains(first) && !headSymbolOf.containsKey(first + "/" + NameCues.Sector.AIRLINE)) {
                firstWordOf.put(first, symbol);
            }
        });
        ambiguous.forEach(headSymbolOf::remove);
        Map<String, String> heads = new HashMap<>();
        headSymbolOf.forEach((key, symbol) -> {
            String head = key.substring(0, key.indexOf('/'));
            if (!symbolOf.containsKey(head) && !weakSymbolOf.containsKey(head)) {
                commonSymbolOf.remove(head); // the trade head with its cues is the stronger reading
                heads.put(head, symbol);
                sectorOf.put(head, NameCues.Sector.valueOf(key.substring(key.indexOf('/') + 1)));
            }
        });
        AhoCorasick.Builder builder = new AhoCorasick.Builder();
        Map<Kind, Map<String, String>> byKind = Map.of(Kind.DISTINCTIVE, symbolOf, Kind.RARE_WORD, weakSymbolOf,
                Kind.COMMON_WORD, commonSymbolOf, Kind.TRADE_HEAD, heads, Kind.FIRST_WORD, firstWordOf);
        for (Kind kind : Kind.values()) {
            byKind.get(kind).forEach((key, symbol) -> {
                builder.add(key);
                symbols.add(symbol);
                spelling.add(written.get(key));
                kinds.add(kind);
                foreignOtc.add(foreignNames.contains(key));
                sectors.add(sectorOf.get(key));
                plurals.add(kind == Kind.DISTINCTIVE && key.indexOf(' ') < 0 && key.length() >= 4
                        && written.containsKey(key)); // an alias only: "Affirms" is a verb, "Virtus" another firm
            });
        }
        automaton = builder.build();
    }

    int size() {
        return symbols.size();
    }

    /**
     * Whether one of the filer's over-the-counter symbols has five letters ending in {@code F} (a foreign ordinary
     * share) or {@code Y} (an ADR), as OTC symbols of foreign issuers do: {@code WESTPAC BANKING CORP} (WBKCY, WEBNF)
     * carries no foreign mark in its SEC title.
     */
    private static boolean foreignSymbol(TickerUniverse universe, long cik) {
        for (String symbol : universe.symbolsOfCik(cik)) {
            Listing listing = universe.listing(symbol);
            char last = symbol.charAt(symbol.length() - 1);
            if (symbol.length() == 5 && (last == 'F' || last == 'Y') && listing != null
                    && "OTC".equals(listing.exchange())) {
                return true;
            }
        }
        return false;
    }

    /** The names in {@code text}, leftmost-longest, without overlaps, in order. */
    List<Match> find(NormalisedText text) {
        return find(text, List.of());
    }

    /**
     * The names in {@code text}, leftmost-longest, without overlaps, in order, leaving out those that start inside
     * one of {@code named}, the spans of proper nouns named after a company ({@link NamedAfterCompanies}).
     */
    List<Match> find(NormalisedText text, List<int[]> named) {
        List<int[]> hits = new ArrayList<>();
        automaton.search(text.chars, text.length, (value, start, end) -> {
            if (text.isWord(start, end)) {
                hits.add(new int[] {start, end, value});
            } else if (plurals.get(value) && end < text.length && text.chars[end] == 's' && text.isWord(start, end + 1)) {
                hits.add(new int[] {start, end + 1, value}); // "Teslas are among the least stolen"
            }
        });
        hits.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        List<Match> matches = new ArrayList<>();
        List<Match> waiting = new ArrayList<>();
        int taken = 0;
        int titleCase = -1;
        for (int[] hit : hits) {
            if (hit[0] < taken) {
                continue;
            }
            if (!named.isEmpty() && NamedAfterCompanies.inside(named, text.origin[hit[0]])) {
                continue; // "Citi Field", "the Coca-Cola 600", "the Hershey Bears": named after the company
            }
            Kind kind = kinds.get(hit[2]);
            String symbol = symbols.get(hit[2]);
            // "Carbon Corporation" is not Carbon Revolution: a first word's legal form is another company's
            int legal = kind == Kind.DISTINCTIVE || kind == Kind.FIRST_WORD ? -1 : withLegalForm(text, hit[1], symbol);
            if (legal < 0 && kind != Kind.DISTINCTIVE) {
                legal = withTitleWord(text, hit[0], hit[1], symbol); // "NXP Semi", "Match Group"
            }
            int end = legal > 0 ? legal : hit[1];
            String original = text.originalText(hit[0], end);
            int start = text.origin[hit[0]];
            if (start > 0 && text.original.charAt(start - 1) == '$') {
                continue; // "$LULU" is a cashtag, not the name Lulu
            }
            boolean oneWord = original.chars().allMatch(Character::isLetterOrDigit);
            if (!oneWord && spelling.get(hit[2]) == null && NameContext.personBefore(text.original, start)) {
                continue; // "a new biopic of Howard Hughes": the man, not Howard Hughes Holdings
            }
            if (!capitalised(original, spelling.get(hit[2])) && !(kind == Kind.DISTINCTIVE && oneWord
                    && lowerCaseTraded(text.original, start, start + original.length()))
                    || oneWord && NameContext.notTheCompany(text.original,
                    start, start + original.length(), spelling.get(hit[2]),
                    kind != Kind.DISTINCTIVE || words.isEnglish(original.toLowerCase()), words)) {
                continue;
            }
            if (kind == Kind.DISTINCTIVE && oneWord && spelling.get(hit[2]) == null
                    && NameContext.opensLongerName(text.original, start + original.length(), words)) {
                continue; // "Bumble Bee files for bankruptcy": the first word of another proper name, not Bumble
            }
            if (kind == Kind.DISTINCTIVE && oneWord && spelling.get(hit[2]) == null
                    && otherTradeAfter(text.original, start + original.length(), symbol)) {
                continue; // "Greenlane Renewables" is not Greenlane Holdings: another company of that first word
            }
            Match match = new Match(symbol, original, start, start + original.length(), foreignOtc.get(hit[2]));
            if (namesAnother(text.original, match.end(), symbol)) {
                continue; // "Teekay Offshore Partners L.P.", "iShares Global Clean Energy ETF"
            }
            if (!oneWord && NameContext.placeEndsPhrase(text.original, match.end(),
                    NameContext.placeBefore(text.original, start))) {
                continue; // "the Bank of America Chicago Marathon", "the Wells Fargo Houston Open": an event of its name
            }
            boolean led = NameCues.ledCompound(text.original, match.end());
            if (led && kind == Kind.FIRST_WORD) {
                continue; // "Mitsubishi-led", "Tencent-backed": the group, not the one company of its name we list
            }
            boolean related = kind != Kind.DISTINCTIVE && NameCues.related(text.original, start);
            boolean ownTrade = kind == Kind.TRADE_HEAD && sectors.get(hit[2]).titleWord(Words.next(text.original,
                    match.end()).toLowerCase()); // "Alaska Airlines" for Alaska Air Group
            if (kind != Kind.DISTINCTIVE && !ownTrade && (oneWord || legal > 0) // "S&P Global" needs only its cue
                    && !NameCues.standsAlone(text.original, start, text.origin[hit[1] - 1] + 1, legal < 0 && !related,
                    original.equals(camelFirstWord.get(symbol)))) {
                continue; // "Clovis Oncology", "Eaton Vance", "Bristol-Myers", "a Stellar Stock", "ASCENT study"
            }
            // its legal form, an analyst rating it or its own business make it the company: "Match Group cuts jobs"
            boolean cue = legal > 0 || kind != Kind.DISTINCTIVE && (NameCues.rated(text.original, start, match.end())
                    || NameCues.ownAction(text.original, match.end())
                    || NameCues.beatsOrMisses(text.original, match.end())
                    || NameCues.companySubject(text.original, start, match.end())
                    || NameCues.roleAfter(text.original, match.end()) || NameCues.site(text.original, match.end())
                    || led || related);
            if (kind != Kind.DISTINCTIVE && !cue && AnalystRoles.quoted(text.original, start, match.end())) {
                continue; // "price target raised at Benchmark": a broker we do not list, whatever its namesake
            }
            if (kind == Kind.COMMON_WORD && !cue && original.length() == 3) {
                continue; // "Gap names a new chief" is Gap Inc, "Top stock picks" no company: three letters need a cue
            }
            taken = end;
            if (kind == Kind.DISTINCTIVE || cue || ownTrade
                    || NameCues.marketWord(text.original, match.start(), match.end())) {
                matches.add(match);
            } else if ((kind == Kind.RARE_WORD || kind == Kind.FIRST_WORD) && words.isRare(original.toLowerCase())) {
                if (titleCase < 0) {
                    titleCase = NameCues.titleCase(text.original) ? 1 : 0;
                }
                // "Clover : Results of ... #Clover #Stock": a feed's "Name :" line is often a foreign namesake
                boolean feedLine = text.original.startsWith(" :", match.end());
                (!feedLine && (titleCase == 0 && NameCues.companyNews(text.original, match.start(), match.end())
                        || NameCues.percentMove(text.original, match.end())) ? matches : waiting).add(match);
            } else if (kind == Kind.TRADE_HEAD && NameCues.about(text.original, sectors.get(hit[2]))) {
                matches.add(match);
            } else {
                waiting.add(match);
            }
        }
        return waiting.isEmpty() ? matches : withListed(matches, waiting, text.original);
    }

    /** Adds the waiting names that stand in one list with a name found ({@code Visa and Mastercard}). */
    private static List<Match> withListed(List<Match> matches, List<Match> waiting, String text) {
        List<Match> found = new ArrayList<>(matches);
        boolean more = !found.isEmpty();
        while (more) {
            more = false;
            for (Match candidate : List.copyOf(waiting)) {
                if (found.stream().anyMatch(m -> NameCues.listed(text, m.end(), candidate.start())
                        || NameCues.listed(text, candidate.end(), m.start()))) {
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
     * The end of the next word of {@code symbol}'s own title, written whole or shortened to four letters or more, after
     * a name at [start, end) ({@code NXP| Semi} of NXP Semiconductors), or -1.
     */
    private int withTitleWord(NormalisedText text, int start, int end, String symbol) {
        String[] title = titleWords.get(symbol);
        int words = 1;
        for (int i = start; i < end; i++) {
            words += text.chars[i] == ' ' ? 1 : 0;
        }
        if (title == null || title.length <= words || end >= text.length || text.chars[end] != ' ') {
            return -1;
        }
        int next = end + 1;
        while (next < text.length && text.chars[next] != ' ') {
            next++;
        }
        String word = new String(text.chars, end + 1, next - end - 1);
        return word.length() >= 4 && title[words].startsWith(word) && CompanyNames.legalForm(word) == null
                && !INVESTMENT_WORDS.contains(title[words])
                && Character.isUpperCase(text.original.charAt(text.origin[end + 1])) ? next : -1;
    }

    /**
     * Whether the capitalised words right after a name at {@code end} make it part of another entity's name: a fund
     * word ({@code iShares Global Clean Energy ETF}, {@code AllianceBernstein National Municipal Income}) or, after a
     * word of its own, a partnership or legal form ({@code Teekay Offshore Partners L.P.}) that the company's own title
     * does not have. Up to four words are read; a market word ends the name ({@code Tesla Stock}).
     */
    private boolean namesAnother(String text, int end, String symbol) {
        String[] title = titleWords.getOrDefault(symbol, new String[0]);
        String following = Words.next(text, end);
        if (Words.capitalised(following) && LENDER_WORDS.contains(following.toLowerCase())
                && !AnalystRoles.FIRMS.contains(symbol) // "HSBC Bank USA" is HSBC's own bank
                && !List.of(title).contains(following.toLowerCase())) {
            return true; // "Meta Financial declares a dividend" is a bank holding company, not Meta Platforms
        }
        if (Words.capitalised(following) && VENUES.contains(following.toLowerCase())
                && !List.of(title).contains(following.toLowerCase())) {
            return true; // "The Wells Fargo Center hosts the game": a venue named for the company
        }
        if (NameContext.openEvent(text, end) && !List.of(title).contains("open")) {
            return true; // "the Wells Fargo Open": a tournament
        }
        boolean foreignWord = false;
        int at = end;
        for (int i = 0; i < 4; i++) {
            String word = Words.next(text, at);
            if (!Words.capitalised(word) && !(word.length() >= 2 && Words.allCapitals(word))) {
                return false;
            }
            String lower = word.toLowerCase();
            if (NameCues.marketAfter(lower) || NameContext.lead(lower)) {
                return false; // "Tesla Stock", "Analog Devices Over ABB Ltd"
            }
            boolean own = List.of(title).contains(lower);
            if (!own && (FUND_WORDS.contains(lower) || foreignWord && ENTITY_WORDS.contains(lower)
                    || foreignWord && INSTITUTIONS.contains(lower))) {
                return true; // "US Energy Information Administration" is the agency, not US Energy Corp
            }
            foreignWord |= !own && !CompanyNames.TRADE_WORDS.contains(lower);
            at += 1 + word.length();
        }
        return false;
    }

    /**
     * Trades that, capitalised after a company's word, make another company's name when its own title lacks them; not
     * mining, energy or bank words, which companies drop from their names and news keeps ({@code McEwen Mining}).
     */
    private static final Set<String> OTHER_TRADE_AFTER = Set.of("renewables", "renewable", "power", "utilities",
            "lithium", "uranium", "shipping", "airlines", "semiconductor", "semiconductors", "diagnostics",
            "therapeutics", "pharmaceuticals", "biosciences", "biotech");

    /**
     * Whether a capitalised trade word that the company's own title does not have (whole or shortened) follows its
     * one-word name at {@code end}: {@code Greenlane Renewables} beside Greenlane Holdings, another firm of that word.
     */
    private boolean otherTradeAfter(String text, int end, String symbol) {
        String next = Words.next(text, end);
        if (!Words.capitalised(next) || !OTHER_TRADE_AFTER.contains(next.toLowerCase())) {
            return false;
        }
        String lower = next.toLowerCase();
        for (String word : titleWords.getOrDefault(symbol, new String[0])) {
            if (word.contains(lower) || lower.startsWith(word) && word.length() >= 4) {
                return false; // "Rocket Pharma" of Rocket Pharmaceuticals, "Xeris Pharma" of Xeris Biopharma
            }
        }
        return true;
    }

    /** The end of the legal form of {@code symbol}'s own title after a name at {@code end} ({@code Target| Corp}), or -1. */
    private int withLegalForm(NormalisedText text, int end, String symbol) {
        if (end >= text.length) {
            return -1;
        }
        int next = end + 1;
        while (next < text.length && text.chars[next] != ' ') {
            next++;
        }
        String form = CompanyNames.legalForm(new String(text.chars, end + 1, next - end - 1));
        // "Post AG" is Austria's post, not Post Holdings Inc
        return form != null && legalFormsOf.getOrDefault(symbol, Set.of()).contains(form) ? next : -1;
    }

    /** Written as a name: the alias's own spelling, or every word (but small ones) starting upper case. */
    static boolean capitalised(String original, String alias) {
        if (original.equals(alias)) {
            return true;
        }
        int i = 0;
        while (i < original.length()) {
            while (i < original.length() && !Character.isLetterOrDigit(original.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < original.length() && Character.isLetterOrDigit(original.charAt(i))) {
                i++;
            }
            if (i > start && Character.isLowerCase(original.charAt(start)) && !camelCase(original, start, i)
                    && !SMALL_WORDS.contains(original.substring(start, i))) {
                return false;
            }
        }
        return true;
    }

    /** Words of a trade or of a company's market news that make a name written in lower case the company. */
    private static final Set<String> LOWER_CASE_CUES = Set.of("shares", "stock", "stocks", "earnings", "calls",
            "puts", "bought", "buy", "buying", "sold", "sell", "selling", "long", "short", "shorting", "position",
            "holding", "holders", "dip", "rally", "ripping", "mooning", "moon", "ath", "pt", "target", "revenue",
            "guidance", "beat", "beats", "missed", "misses", "ipo", "dividend", "eps", "premarket", "bullish",
            "bearish", "options", "leaps", "bag", "bags", "bagholder", "bagholders", "portfolio", "valuation");

    /**
     * Whether a one-word name that no dictionary of English has ({@code nvidia}, {@code palantir}, {@code costco}),
     * written all in lower case as retail posts are, stands within three words of a trade's or company news' word:
     * {@code just bought more nvidia}, {@code palantir calls printed}. Not inside a link, a handle or a hashtag ({@code nvidia.com}).
     */
    private boolean lowerCaseTraded(String text, int start, int end) {
        String word = text.substring(start, end);
        if (word.length() < 5 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z') || words.isEnglish(word)
                || start > 0 && "@#/.-_".indexOf(text.charAt(start - 1)) >= 0
                || end < text.length() && ".-_/@".indexOf(text.charAt(end)) >= 0 && end + 1 < text.length()
                && Character.isLetterOrDigit(text.charAt(end + 1))) {
            return false;
        }
        List<String> before = Words.lower(text, 0, start, true);
        List<String> after = Words.lower(text, end, text.length(), true);
        for (int i = 0; i < 3; i++) {
            if (i < before.size() && LOWER_CASE_CUES.contains(before.get(before.size() - 1 - i))
                    || i < after.size() && LOWER_CASE_CUES.contains(after.get(i))) {
                return true; // within three words: "bought more nvidia", "palantir to the moon"
            }
        }
        return false;
    }

    /**
     * A brand written lower case first with a capital inside, as its owner spells it: {@code nVent}, {@code eBay},
     * {@code fuboTV}.
     */
    private static boolean camelCase(String original, int start, int end) {
        if (end - start < 3) {
            return false;
        }
        if (Character.isUpperCase(original.charAt(start + 1)) && Character.isLowerCase(original.charAt(end - 1))) {
            return true;
        }
        // "fuboTV", "iHeartMedia": lower case first, then a capital further in, as the brand writes itself
        for (int i = start + 2; i < end; i++) {
            if (Character.isUpperCase(original.charAt(i))) {
                return Character.isLowerCase(original.charAt(start + 1));
            }
        }
        return false;
    }

    private static void add(String key, String symbol, Map<String, String> symbolOf, Set<String> ambiguous) {
        String before = symbolOf.putIfAbsent(key, symbol);
        if (before != null && !before.equals(symbol)) {
            ambiguous.add(key);
        }
    }
}
