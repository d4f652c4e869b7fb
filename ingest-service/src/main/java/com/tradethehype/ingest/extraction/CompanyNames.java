package com.tradethehype.ingest.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** How an SEC company title becomes the names news uses for the company. */
final class CompanyNames {

    /** Legal forms and listing words at the end of an SEC title ({@code JPMORGAN CHASE & CO}). */
    static final Set<String> SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co", "cos",
            "company", "companies", "ltd", "limited", "plc", "llc", "lp", "l", "p", "sa", "s", "a", "b", "de", "cv",
            "nv", "n", "v", "ag", "aktiengesellschaft", "se", "asa", "ab", "spa", "holdings", "holding", "hldgs", "group", "the", "and",
            "adr", "ads", "new", "class", "common", "stock", "shares", "ord", "international", "intl", "public", "usa",
            "us", "of");
    /** Words that say what a company does rather than who it is: {@code Molson Coors Beverage} is "Molson Coors". */
    static final Set<String> TRADE_WORDS = Set.of("technologies", "technology", "therapeutics",
            "pharmaceuticals", "pharmaceutical", "pharma", "biosciences", "bioscience", "sciences", "biotherapeutics",
            "beverage", "brands", "industries", "systems", "solutions", "enterprises", "entertainment", "partners",
            "properties", "communications", "networks", "software", "laboratories", "labs", "platforms", "homes",
            "worldwide", "motors", "motor", "bancorp", "bancshares", "financial", "interactive", "research", "biopharma",
            "biopharmaceuticals", "biopharmaceutical", "biotech", "biotechnology", "semiconductors", "semiconductor",
            "airlines", "airways", "air", "lines", "railway", "railways", "railroad");
    /** Trades that older or fuller names put after a company's own word: {@code Zoom Video}, {@code XPO Logistics}. */
    private static final Set<String> FORMER_TRADE_WORDS = Set.of("video", "logistics");
    /** Words that join the words of a name. */
    private static final Set<String> LINKS = Set.of("and", "of", "the", "de", "y", "et");
    /** The trade words of banks, whose names are mostly places. */
    private static final Set<String> BANK_WORDS = Set.of("bancorp", "bancshares", "bancorporation", "bankshares");
    /**
     * Places that start many company names ({@code China Pharma}, {@code Texas Roadhouse}) and stand alone for the
     * place: never a one-word name.
     */
    static final Set<String> GEOGRAPHY = Set.of("china", "chinese", "india", "indian", "japan", "japanese", "korea",
            "korean", "taiwan", "hong", "singapore", "asia", "asian", "pacific", "atlantic", "europe", "european",
            "britain", "british", "england", "english", "ireland", "irish", "scotland", "germany", "german", "france",
            "french", "italy", "italian", "spain", "spanish", "mexico", "mexican", "canada", "canadian", "brazil",
            "brazilian", "argentina", "chile", "peru", "colombia", "israel", "africa", "african", "australia",
            "australian", "russia", "russian", "america", "americas", "texas", "california", "florida", "nevada",
            "arizona", "colorado", "georgia", "carolina", "virginia", "ohio", "michigan", "illinois", "indiana",
            "kentucky", "tennessee", "alabama", "louisiana", "oregon", "washington", "montana", "dakota", "utah",
            "hawaii", "hawaiian", "alaska", "alaskan", "boston", "chicago", "houston", "dallas", "atlanta", "denver",
            "phoenix", "seattle", "miami", "orlando", "detroit", "brooklyn", "manhattan", "london", "paris", "tokyo",
            "shanghai", "beijing", "dubai", "north", "south", "east", "west", "northern", "southern", "eastern",
            "western", "central", "midwest", "northwest", "southwest", "northeast", "southeast", "gulf", "coastal",
            "global", "world", "international", "national", "regional", "metropolitan", "urban", "rural");
    /** Names made of nothing but these say nothing ({@code First Bancorp}, {@code Capital Group}, {@code National Bank}). */
    static final Set<String> GENERIC = Set.of("bank", "banc", "bancorp", "bancshares", "financial", "capital",
            "first", "national", "american", "united", "global", "international", "general", "trust", "fund", "income",
            "energy", "power", "city", "community", "federal", "savings", "realty", "property", "properties", "partners",
            "holdings", "group", "corp", "inc", "company", "solutions", "systems", "industries", "technologies",
            "resources", "investors", "investment", "investments", "services", "service", "health", "care", "new");
    /**
     * A trailing state or status tag in an SEC title, after a space ({@code /DE/}, {@code \\NY\\}) or glued to the last
     * word ({@code PROGRESSIVE CORP/OH/}); not RE/MAX.
     */
    static final Pattern SEC_TAG = Pattern.compile("\\s+[/\\\\].*$|[/\\\\][A-Z]{2}[/\\\\]?$|[/\\\\][A-Z]{2,4}[/\\\\]$");
    /**
     * Names of exchange and index companies that news mostly uses for the market: they count only with a cue, as a
     * common word does ({@code S&P Global stock}, {@code Nasdaq Inc}, {@code Cboe shares}).
     */
    static final Set<String> MARKET_NAMES = Set.of("nasdaq", "cboe", "s and p global");
    /**
     * Former names that are ordinary words, which news still uses for the renamed company: like a common-word name
     * they count only with a cue ({@code Square reports higher Cash App revenue} is Block; {@code Times Square} is not).
     */
    static final Map<String, String> FORMER_WORD_NAMES = Map.of("square", "XYZ");
    /** Names of companies that news mostly uses for something else: the exchange, the index, the market. */
    static final Set<String> NOT_COMPANIES = Set.of("nasdaq", "cboe", "nyse", "dow", "dow jones", "s and p",
            "s and p global", "russell", "credit suisse", "american", "first", "general", "national", "global", "united", "federal",
            "clean energy", "fast track"); // "$823 Million for Clean Energy", the FDA's "FAST TRACK DESIGNATION"

    private CompanyNames() {
    }

    /** {@code molson coors beverage} -> {@code molson coors}; the name itself when nothing is left. */
    static String stripTradeWords(String shortForm) {
        List<String> tokens = new ArrayList<>(List.of(shortForm.split(" ")));
        while (tokens.size() > 1 && (TRADE_WORDS.contains(tokens.get(tokens.size() - 1))
                || LINKS.contains(tokens.get(tokens.size() - 1)))) {
            tokens.remove(tokens.size() - 1); // "melco resorts and entertainment" -> "melco resorts"
        }
        return String.join(" ", tokens);
    }

    /**
     * Whether the folded {@code word} is a trade that companies dropped from their names ({@code Zoom Video
     * Communications} is Zoom Communications, {@code XPO Logistics} is XPO). Most trade words after a symbol or a
     * short name are another company's ({@code AMC Networks}, {@code PTC Therapeutics}), so the list is short.
     */
    static boolean descriptor(String word) {
        return FORMER_TRADE_WORDS.contains(word);
    }

    /** Whether the short form ends in a bank's trade word ({@code Bridgewater Bancshares}). */
    static boolean bankTitle(String shortForm) {
        String last = shortForm.substring(shortForm.lastIndexOf(' ') + 1);
        return BANK_WORDS.contains(last);
    }

    /** The legal form {@code token} names, one spelling for each ({@code corporation} -> {@code corp}), or null. */
    static String legalForm(String token) {
        return switch (token) {
            case "inc", "incorporated" -> "inc";
            case "corp", "corporation" -> "corp";
            case "co", "company" -> "co";
            case "ltd", "limited" -> "ltd";
            case "aktiengesellschaft" -> "ag";
            case "group", "plc", "holdings", "sa", "nv", "ag", "se" -> token;
            default -> null;
        };
    }

    /** Whether the first word of a longer name may stand for the company alone ({@code Sirius} of Sirius XM). */
    static boolean mayStandAlone(String first) {
        return first.length() >= 4 && first.chars().allMatch(Character::isLetter) && !GENERIC.contains(first)
                && !SUFFIXES.contains(first) && !TRADE_WORDS.contains(first) && !LINKS.contains(first)
                && !GEOGRAPHY.contains(first);
    }

    /**
     * The SEC title with the possessives the directory's name of the same listing spells ({@code KOHLS Corp} and
     * {@code Kohl's Corporation} give {@code KOHL'S Corp}), so that the name matches as news writes it.
     */
    static String withPossessives(String secTitle, String directoryName) {
        if (directoryName == null || directoryName.indexOf('\'') < 0 && directoryName.indexOf('\u2019') < 0) {
            return secTitle;
        }
        Set<String> possessives = new HashSet<>();
        for (String word : directoryName.split(" ")) {
            int apostrophe = Math.max(word.indexOf('\''), word.indexOf('\u2019'));
            if (apostrophe > 0 && word.length() > apostrophe + 1 && (word.charAt(apostrophe + 1) == 's'
                    || word.charAt(apostrophe + 1) == 'S') && (word.length() == apostrophe + 2
                    || !Character.isLetter(word.charAt(apostrophe + 2)))) {
                possessives.add(word.substring(0, apostrophe).toUpperCase() + "S");
            }
        }
        if (possessives.isEmpty()) {
            return secTitle;
        }
        String[] words = secTitle.split(" ");
        for (int i = 0; i < words.length; i++) {
            int letters = words[i].length();
            while (letters > 0 && !Character.isLetter(words[i].charAt(letters - 1))) {
                letters--;
            }
            String bare = words[i].substring(0, letters);
            if (bare.length() > 2 && possessives.contains(bare.toUpperCase())) {
                words[i] = bare.substring(0, bare.length() - 1) + "'" + bare.substring(bare.length() - 1)
                        + words[i].substring(bare.length());
            }
        }
        return String.join(" ", words);
    }

    /** {@code COSTCO WHOLESALE CORP /NEW} -> {@code COSTCO WHOLESALE CORP}: SEC state and status tags go. */
    static String cleanTitle(String title) {
        return SEC_TAG.matcher(title).replaceFirst("");
    }

    /**
     * Shorter forms of a folded title that news writes: initials the SEC spells apart written together
     * ({@code v f corp} -> {@code vf corp}, {@code c h robinson worldwide} -> {@code ch robinson}), and a name up to
     * its {@code Bros} ({@code warner bros discovery} -> {@code warner bros}), and a name filed surname first in
     * news order ({@link #surnameFirst}: {@code hunt j b transport services} -> {@code j b hunt}, {@code jb hunt}).
     * Only forms of two words or more.
     */
    static List<String> shortenedForms(String full, String shortForm) {
        List<String> forms = new ArrayList<>(2);
        for (String name : List.of(full, shortForm, stripTradeWords(shortForm))) {
            String joined = joinInitials(name);
            if (!joined.equals(name) && joined.indexOf(' ') > 0 && !forms.contains(joined)) {
                forms.add(joined);
            }
        }
        String[] tokens = full.split(" ");
        forms.addAll(surnameFirst(tokens));
        for (int i = 1; i < tokens.length - 1; i++) {
            if (tokens[i].equals("bros") || tokens[i].equals("brothers")) {
                forms.add(String.join(" ", List.of(tokens).subList(0, i + 1)));
                break;
            }
        }
        return forms;
    }

    /** Two letters the SEC writes after a name that are a legal form, not a person's initials: {@code TELEFONICA S A}. */
    private static final Set<String> LEGAL_INITIALS = Set.of("s a", "s p", "n v", "a g", "a s", "s e", "p l", "b v");
    /** Initials that, written together, are a title: {@code Dr Horton} is a doctor; {@code D.R. Horton} the builder. */
    private static final Set<String> TITLE_INITIALS = Set.of("dr", "mr", "ms", "st");

    /**
     * A name the SEC files surname first, as for a person ({@code HUNT J B TRANSPORT SERVICES}, {@code HORTON D R},
     * {@code SMITH A O}), in the order news writes it: {@code j b hunt} (what {@code J.B. Hunt} folds to) and
     * {@code jb hunt}; the latter not when the initials spell a title ({@code Dr Horton}).
     */
    static List<String> surnameFirst(String[] tokens) {
        if (tokens.length < 3 || tokens[0].length() < 3 || !tokens[0].chars().allMatch(Character::isLetter)
                || !initial(tokens[1]) || !initial(tokens[2])
                || LEGAL_INITIALS.contains(tokens[1] + " " + tokens[2])) {
            return List.of();
        }
        String initials = tokens[1] + tokens[2];
        List<String> forms = new ArrayList<>(2);
        forms.add(tokens[1] + " " + tokens[2] + " " + tokens[0]);
        if (!TITLE_INITIALS.contains(initials)) {
            forms.add(initials + " " + tokens[0]);
        }
        return forms;
    }

    private static boolean initial(String token) {
        return token.length() == 1 && Character.isLetter(token.charAt(0));
    }

    /** Runs of single letters written together: {@code w p carey} -> {@code wp carey}. */
    private static String joinInitials(String name) {
        StringBuilder out = new StringBuilder(name.length());
        String[] tokens = name.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            boolean joinPrevious = i > 0 && initial(tokens[i]) && initial(tokens[i - 1]);
            if (i > 0 && !joinPrevious) {
                out.append(' ');
            }
            out.append(tokens[i]);
        }
        return out.toString();
    }

    /** The folded name without trailing legal forms ({@code jpmorgan chase and co} -> {@code jpmorgan chase}). */
    static String stripSuffixes(String folded) {
        List<String> tokens = new ArrayList<>(List.of(folded.split(" ")));
        while (tokens.size() > 1 && SUFFIXES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        if (tokens.size() > 1 && tokens.get(0).equals("the")) {
            tokens.remove(0);
        }
        return String.join(" ", tokens);
    }
}
