package com.tradethehype.ingest.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradethehype.ingest.CryptoMention;
import com.tradethehype.ingest.Extraction;
import com.tradethehype.ingest.TickerMention.Evidence;
import com.tradethehype.ingest.TickerMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class UniverseTickerExtractorTest {

    private final UniverseTickerExtractor extractor = Extractors.shared();

    private List<String> tickers(String text) {
        return extractor.tickers(text, List.of());
    }

    private List<String> evidence(String text) {
        return extractor.mentions(text, List.of()).stream().map(m -> m.symbol() + ":" + m.evidence() + ":" + m.text())
                .toList();
    }

    @Test
    void wordLikeTickersDoNotFireOnOrdinaryWords() {
        assertEquals(List.of(), tickers("IT is ALL ON NOW: OPEN, SO BE it. CAT FUN REAL RUN TRUE COST TV USA CAN ARE"));
        assertEquals(List.of(), tickers("Can it go on for real? A cat, a TV, the true cost of fun in the USA, so be it"));
        assertEquals(List.of(), tickers("Buy IT now and sell ALL shares of A before ON calls expire"));
    }

    @Test
    void wordLikeTickersFireWithRealEvidence() {
        assertEquals(List.of("ALL:CASHTAG:$ALL", "ALL:NAME:Allstate"), evidence("Allstate ($ALL) lifts its dividend"));
        assertEquals(List.of("O:NAME:Realty Income"), evidence("Realty Income (O) declares a monthly dividend"));
        assertEquals(List.of("F", "T", "V"), tickers("$V, $T and (NYSE: F) rally"));
        assertEquals(List.of("CAT:EXCHANGE:NYSE: CAT", "CAT:NAME:Caterpillar"), evidence("Caterpillar (NYSE: CAT) digs in"));
    }

    @Test
    void slangIsNotATickerButADollarSignOnAListedSlangWordIs() {
        assertEquals(List.of(), tickers("YOLO: the CEO posted DD, EOD target, ATH soon IMO; max your IRA and ROTH"));
        assertEquals(List.of(), tickers("$YOLO $HODL $FOMO"));
        assertEquals(List.of("DD", "IMO"), tickers("DuPont ($DD) and Imperial Oil ($IMO) report"));
    }

    @Test
    void findsCompanyNamesWrittenAsNamesOnly() {
        assertEquals(List.of("AAPL", "MSFT", "NVDA"), tickers("Apple's deal with Microsoft Corp. lifts NVIDIA"));
        assertEquals(List.of(), tickers("an apple a day; microsoft word-like lower case"));
        assertEquals(List.of("AAPL"), tickers("Target price raised for Apple"));
        assertEquals(List.of("TGT"), tickers("Target Corp. beats estimates"));
        assertEquals(List.of("APLE"), tickers("Apple Hospitality REIT buys hotels"), "the longest name wins");
        assertEquals(List.of("JNJ", "T"), tickers("Johnson & Johnson and AT&T report"));
    }

    @Test
    void bareSymbolsNeedStrongContext() {
        assertEquals(List.of("NVDA", "PLTR", "TSLA"), tickers("TSLA calls and shares of NVDA print, buying PLTR"));
        assertEquals(List.of("TLSA"), tickers("Tiziana Life Sciences (TLSA) jumps"));
        assertEquals(List.of(), tickers("NVDA TSLA PLTR"), "no context");
        assertEquals(List.of(), tickers("Internet of Things (IOT) spending climbs"), "an abbreviation, not a ticker");
        assertEquals(List.of(), tickers("WTI crude price falls; LNG shipments up"));
        assertEquals(List.of("TSLA"), tickers("TESLA SHARES SOAR AS NVDA STOCK DIPS IN A HEADLINE IN CAPITALS"),
                "the name counts; in capitals every word looks like a symbol, so NVDA does not");
    }

    @Test
    void dropsCryptoByContextButKeepsStocksWhoseSymbolsAreCoins() {
        Extraction crypto = extractor.extract("Bitcoin tops $100k; $SOL, $LINK and BTC-USD rally, $BTC.X too", List.of());
        assertEquals(List.of(), crypto.tickers());
        assertEquals(List.of("BTC", "SOL", "LINK", "BTC", "BTC"), crypto.crypto().stream().map(CryptoMention::coin).toList());
        assertEquals(List.of("GT", "IP", "LINK", "LTC", "M"),
                tickers("$M, $GT, $IP, $LTC and Interlink Electronics ($LINK) report earnings"));
        assertEquals(List.of("M"), tickers("Macy's ($M) rallies while bitcoin slides"), "the name says it is the stock");
        assertEquals(List.of(), tickers("$BTC and $ETH hit records"), "BTC/ETH listings are crypto trusts");
        assertEquals(List.of("MSTR"), tickers("MicroStrategy ($MSTR) buys more Bitcoin"));
    }

    @Test
    void recordsEvidenceWithPositionsAndTagsSecFilersAndEtfs() {
        TickerMention filer = extractor.mentions("8-K - Apple Inc. (0000320193) (Filer)", List.of()).stream()
                .filter(m -> m.evidence() == Evidence.FILER).findFirst().orElseThrow();
        assertEquals("AAPL", filer.symbol());
        assertEquals(17, filer.start());
        TickerMention cashtag = extractor.mentions("Buy $SPY now", List.of()).get(0);
        assertEquals(new TickerMention("SPY", Evidence.CASHTAG, "$SPY", 4), cashtag);
        assertTrue(extractor.universe().listing("SPY").etf());
        assertFalse(extractor.universe().listing("AAPL").etf());
        assertEquals(List.of("MSFT"), extractor.tickers("no symbols here", List.of("MSFT")));
    }

    @Test
    void theUniverseSkipsTestIssuesAndSpellsShareClassesWithADot() {
        TickerUniverse universe = extractor.universe();
        assertTrue(universe.contains("BRK.B"));
        assertFalse(universe.contains("BRK-B"));
        assertFalse(universe.contains("ZJZZT"), "a NASDAQ test issue");
        assertEquals(List.of("AAPL"), universe.symbolsOfCik(320193));
        assertTrue(universe.size() > 10_000, "size " + universe.size());
    }
    @Test
    void bareSymbolsInOrdinarySentencesCountButNewsAcronymsAndShoutsDoNot() {
        assertEquals(List.of("GOOG", "GOOGL"), tickers("GOOGL and GOOG both fell after the ruling"));
        assertEquals(List.of("AMD", "INTC"), tickers("AMD gained 4% while investors dumped INTC"));
        assertEquals(List.of("SPY"), tickers("SPY closes at record high"));
        assertEquals(List.of(), tickers("The 737 MAX halt and the Freeport LNG outage weigh on WTI"));
        assertEquals(List.of(), tickers("LIVE NOW: press conference after the FOMC decision"));
        assertEquals(List.of(), tickers("Do Directors Own Kape Technologies Plc (LON:KAPE) Shares? ASX:DCN too"));
    }

    @Test
    void analystFirmsQuotedAsTheAnalystAreNotTagged() {
        assertEquals(List.of("ALL"), tickers("Allstate upgraded to buy from neutral at UBS"));
        assertEquals(List.of("BYND"), tickers("JPMorgan reels in expectations on Beyond Meat"));
        assertEquals(List.of("AAPL"), tickers("Goldman Sachs raises its Apple price target"));
        assertEquals(List.of("JPM"), tickers("JPMorgan profit jumps as trading booms"));
        assertEquals(List.of("HSBC"), tickers("HSBC Plans Third Overhaul in a Decade"));
    }

    @Test
    void surnamesAndWordsInsideProperNounsAreNotCompanies() {
        assertEquals(List.of(), tickers("Prosecutors file charges against John Lowe"));
        assertEquals(List.of("LOW"), tickers("Lowe's raises its outlook"));
        assertEquals(List.of(), tickers("Japan Approves Ship Dispatch for Middle East Intel Gathering"));
        assertEquals(List.of("INTC"), tickers("Why Intel Is Still a Buy"));
    }

    @Test
    void cashtagsOutsideTheUniverseStayAsUnverifiedButIndicesRoomsAndCoinsDoNot() {
        assertEquals(List.of("INPX:UNVERIFIED_CASHTAG:$INPX", "MCIG:UNVERIFIED_CASHTAG:$MCIG",
                "PURA:UNVERIFIED_CASHTAG:$PURA", "TFIFF:UNVERIFIED_CASHTAG:$TFIFF"),
                evidence("Watching $MCIG $PURA $INPX $TFIFF into the open"));
        assertEquals(List.of(), tickers("$SPX and $NDX at highs while $VIX sinks; join $SCANX and $COMDX"));
        Extraction coins = extractor.extract("$PEPE and $WIF flying while $BTC.X rests", List.of());
        assertEquals(List.of(), coins.tickers());
        assertTrue(coins.crypto().stream().anyMatch(c -> c.coin().equals("PEPE")), coins.crypto().toString());
    }

    @Test
    void aPerTickerFeedsOwnSymbolDoesNotOutvoteATextAboutAnotherCompany() {
        assertEquals(List.of("NVDA"), extractor.tickers("Is NVIDIA a Buy?", List.of("MSFT")));
        assertEquals(List.of("MSFT", "NVDA"), extractor.tickers("Microsoft and NVIDIA team up", List.of("MSFT")));
        assertEquals(List.of("MSFT"), extractor.tickers("Stocks to watch this week", List.of("MSFT")));
        assertEquals(List.of(), extractor.tickers("Samsung unveils its thinnest phone", List.of("AAPL")));
        assertEquals(List.of("TSLA"), extractor.tickers("Musk unveils the Cybercab in Los Angeles", List.of("TSLA")),
                "a person opening the item is no other company");
        assertEquals(List.of("TSLA"), extractor.tickers("Elon Musk unveils the Cybercab", List.of("TSLA")));
        assertEquals(List.of("AAPL"), extractor.tickers("Icahn trims his stake", List.of("AAPL")));
    }

    @Test
    void oneWordNamesOpeningASentenceWithAnOrganisationsVerbAreTheCompany() {
        assertEquals(List.of("ABT"), tickers("Abbott recalls some glucose monitors"));
        assertEquals(List.of("TGT"), tickers("Target to open 20 new stores next year"));
        assertEquals(List.of("GAP"), tickers("UPDATE 1-Gap names a new Old Navy chief"));
        assertEquals(List.of(), tickers("Progressive Democrats push a new housing bill"));
        assertEquals(List.of(), tickers("Top stock picks for the year"), "three letters need a cue of their own");
        assertEquals(List.of(), tickers("Nasdaq opens 34 points higher"), "an index opens and closes");
    }

    @Test
    void possessiveNamesEventsAndLongerNamesOfOtherEntities() {
        assertEquals(List.of("KSS"), tickers("Kohl's shares sink after the CEO exit"), "the SEC writes KOHLS");
        assertEquals(List.of(), tickers("Former chancellor Helmut Kohl's memoirs are reissued"));
        assertEquals(List.of(), tickers("Ford's Theatre reopens after renovation"));
        assertEquals(List.of(), tickers("The Apple Cup rivalry game is on Saturday"));
        assertEquals(List.of(), tickers("Carnival season begins in Rio next week"));
        assertEquals(List.of("CCL"), tickers("Carnival cancels more cruises to the Bahamas"));
        assertEquals(List.of(), tickers("The Very Hungry Caterpillar turns 55"));
        assertEquals(List.of(), tickers("Teekay Offshore Partners L.P. (TOO) Q4 2019 Earnings Call Transcript"));
        assertEquals(List.of("ICLN"), tickers("$ICLN - iShares Global Clean Energy ETF: A Bright Future"));
        assertEquals(List.of("ZM"), tickers("Zoom Video beats estimates and raises guidance"), "its former name");
        assertEquals(List.of("DB"), tickers("Deutsche Bank shares rally on a new stake"), "AKTIENGESELLSCHAFT is AG");
    }

    @Test
    void shareClassesAndWordLikeSymbolsAfterATrade() {
        assertEquals(List.of("Z", "ZG"), tickers("Z and ZG jump after the listing deal"), "two classes of one company");
        assertEquals(List.of("BF.B"), tickers("BF.B slips as spirits demand softens"));
        assertEquals(List.of("AMZN", "SHOP"), tickers("Trimmed my AMZN and added to SHOP"));
        assertEquals(List.of("ARM"), tickers("Added a small position in ARM today"));
        assertEquals(List.of("XPO"), tickers("Trucking company XPO Logistics rises"), "its former name");
        assertEquals(List.of("AMCX"), tickers("AMC Networks price target cut"), "AMC Networks is not AMC");
    }

    @Test
    void airlinesNamedByTheirOwnWordCountInATextAboutFlyingOnly() {
        assertEquals(List.of("AAL", "DAL", "UAL"), tickers("Delta, American and United cancel flights to Asia"));
        assertEquals(List.of("ALK", "DAL"), tickers("Delta Air Lines and Alaska Airlines add routes"));
        assertEquals(List.of(), tickers("Delta variant cases rise; United Nations meets; the American economy grows"));
        assertEquals(List.of(), tickers("The storm hit the Southwest, grounding hundreds of flights"), "a region");
    }

    @Test
    void aCompanyWordThatIsAlsoAnEnglishWordNeedsACue() {
        assertEquals(List.of("DLX"), tickers("Deluxe posts record quarterly revenue"), "a rare word with company news");
        assertEquals(List.of(), tickers("Deluxe rooms at the resort sold out"));
        assertEquals(List.of("SNAP"), tickers("Snap shares slide after the update"), "a market word beside it");
        assertEquals(List.of("MA", "V"), tickers("Visa and Mastercard settle the lawsuit"), "a list with a company");
        assertEquals(List.of("SIRI"), tickers("Sirius posts record quarterly revenue"), "the first word of Sirius XM");
        assertEquals(List.of("ABUS"), tickers("Arbutus drops its lead program; shares sink"),
                "Arbutus Biopharma without its trade word");
        assertEquals(List.of(), tickers("Clovis Oncology reports results"), "a word of a longer name");
        assertEquals(List.of("BMY"), tickers("Bristol-Myers reports results"),
                "a word of a compound is no other company; the compound itself is Bristol-Myers Squibb's short form");
        assertEquals(List.of(), tickers("Österreichische Post AG reports results"), "not Post Holdings Inc's legal form");
        assertEquals(List.of("MTR"), tickers("Mesa Royalty Trust declares dividend"),
                "its own name (MESA ROYALTY TRUST/TX), not Royalty Pharma");
    }

    @Test
    void aNameBeforeAPlaceOrAfterARoleIsNotTheCompany() {
        assertEquals(List.of(), tickers("Tourists flock to the Amazon River"));
        assertEquals(List.of(), tickers("Fed chair Powell says rates stay put"));
        assertEquals(List.of(), tickers("A hedge fund Bridgewater memo warns of a stock decline"));
        assertEquals(List.of(), tickers("Ratings: shares of peers rise, price target raised at Benchmark"),
                "an unlisted broker quoted as the analyst");
    }

    @Test
    void bareSymbolsInListsAndBesidePriceMovesAndNotBeforeAnotherName() {
        assertEquals(List.of("KO", "PEP"), tickers("KO and PEP trade flat"), "a two-letter symbol in a list");
        assertEquals(List.of("MU"), tickers("Memory names slip, MU off 2%"), "beside a price move");
        assertEquals(List.of("SCHW"), tickers("Schwab agreed to buy TD Ameritrade"), "TD starts another name");
        assertEquals(List.of("KT"), tickers("KT Corporation posts results"), "its own legal form");
        assertEquals(List.of(), tickers("Nurses moved to the ICU; the CIA and the CBO comment"), "news acronyms");
    }

    @Test
    void fifthRoundCuesForNamesAndBareSymbols() {
        assertEquals(List.of("TGT"), tickers("Target's shares slide after the call"), "a possessive before a market word");
        assertEquals(List.of("MAR"), tickers("Former Marriott CEO speaks at the summit"), "a company's chief");
        assertEquals(List.of("TPR"), tickers("Coach Owner Tapestry Raises Its Outlook"), "its relation to another name");
        assertEquals(List.of("U"), tickers("Unity cuts 4% of its staff"), "Unity Bancorp's word yields to Unity Software");
        assertEquals(List.of("XYZ"), tickers("Square posts higher gross profit"), "Block's former name, with a cue");
        assertEquals(List.of(), tickers("Crowds fill Times Square on New Year's Eve"));
        assertEquals(List.of("ABT"), tickers("Abbott wins approval for a new test"));
        assertEquals(List.of(), tickers("United wins 2-0 at home"), "a club wins a match, not a contract");
        assertEquals(List.of(), tickers("Citi's chief U.S. equity strategist sees more upside"), "the analyst");
        assertEquals(List.of(), tickers("Goldman Sachs joins the oil bulls"), "the analyst");
        assertEquals(List.of("WFC"), tickers("Wells Fargo's chief says the bank will grow"));
        assertEquals(List.of("HOOD"), tickers("HOOD volume doubled today"));
        assertEquals(List.of("MA", "V"), tickers("I would rather own V than MA here"));
        assertEquals(List.of("C", "GS", "JPM"), tickers("JPM, GS and C all fell 1%"), "a one-letter symbol in a list of tickers");
        assertEquals(List.of(), tickers("Should I buy A shares or B shares?"), "share classes");
        assertEquals(List.of("EWZ", "FXI"), tickers("Country funds: FXI rises, EWZ falls"), "ETFs quoted in market wraps");
        assertEquals(List.of(), tickers("CRH Medical Announces Quarterly Results"), "another company's name");
        assertEquals(List.of("TWO.PB"), tickers("Added $TWOprB for the yield"), "a preferred series");
    }

    @Test
    void aNameWithAnApostropheOrStartingLowerCaseCountsAsWritten() {
        assertEquals(List.of("ORLY"), tickers("O'Reilly Automotive lifts its outlook"), "the SEC writes O REILLY");
        assertEquals(List.of(), tickers("Bill O'Reilly returns to the air"), "the one word alone is a person");
        assertEquals(List.of("NVT"), tickers("nVent Electric buys a cooling business"), "lower case first");
        assertEquals(List.of(), tickers("the vent on the roof was electric blue"), "plain lower-case words stay words");
    }

    @Test
    void aFormerNameCountsAsTheRenamedCompany() {
        assertEquals(List.of("EXE"), tickers("Chesapeake Energy cuts its gas output"), "now Expand Energy");
    }

    @Test
    void aSurnameAfterAGivenNameAndAMiddleInitialIsAPerson() {
        assertEquals(List.of(), tickers("The Henry W. Ford lecture opens the season"));
        assertEquals(List.of("F"), tickers("Ford recalls 20,000 pickups"), "the company still counts");
    }

    @Test
    void aFirmsStrategistNamedBySurnameIsTheAnalystButItsChiefIsTheFirm() {
        assertEquals(List.of(), tickers("Goldman's Hatzius says a recession is unlikely"), "the strategist speaks");
        assertEquals(List.of("JPM"), tickers("JPMorgan's Dimon says the bank will keep hiring"), "the chief speaks");
        assertEquals(List.of("JPM"), tickers("JPMorgan's Jamie Dimon said he expects a deal"), "a full name");
    }

    @Test
    void aShareClassAfterASlashCountsOnlyBesideAnotherClassOfItsCompany() {
        assertEquals(List.of("FOX", "FOXA"), tickers("The FOXA/FOX gap keeps shrinking"));
        assertEquals(List.of("NVDA"), tickers("Went long NVDA w/NVDA calls"), "a slash is no ticker by itself");
        assertEquals(List.of(), tickers("EUR/USD slips after the data"));
    }

    @Test
    void aShortOrWordLikeSymbolCountsBeforeAPriceVerbOrInATradersPhrase() {
        assertEquals(List.of("KO"), tickers("KO slips after the sugar tax news"), "a clause opens with the symbol");
        assertEquals(List.of("T"), tickers("Earnings recap: T jumps on subscriber growth"));
        assertEquals(List.of(), tickers("Plan B. A rises to the top of the class"), "not A or I");
        assertEquals(List.of(), tickers("The team said T Drops Out Of The Race"), "title case after the verb");
        assertEquals(List.of("NOW"), tickers("Stocked up on NOW ahead of the print"), "loaded up on ...");
        assertEquals(List.of(), tickers("Tune in, we are live on NOW TV tonight"));
        assertEquals(List.of("DECK"), tickers("Everyone is asking about DECK after the guidance cut"), "market talk");
        assertEquals(List.of(), tickers("Learn more about DECK in our garden guide"), "no talk of the stock");
        assertEquals(List.of(), tickers("Everyone is talking about DECK design, not earnings"), "a noun follows");
    }

    @Test
    void aShortSymbolCountsAfterAWagerOnItOrATradersWatchOrFeeling() {
        assertEquals(List.of("MU"), tickers("Whales keep placing bets on MU ahead of the print"), "bets on ...");
        assertEquals(List.of(), tickers("Bets on the Fed keep shifting"));
        assertEquals(List.of("MO", "PM"), tickers("Eyeing MO and PM for income"), "a word-like PM beside MO found");
        assertEquals(List.of("T"), tickers("Still love T here, the dividend is safe"), "a feeling, with market talk");
        assertEquals(List.of(), tickers("I love U so much"), "no market talk");
    }

    @Test
    void aListOfSymbolsOpeningAClauseBeforeAPriceVerbIsAListOfTickers() {
        assertEquals(List.of("DE", "KO"), tickers("KO and DE both rose after the report"));
        assertEquals(List.of(), tickers("US and UK slid in the rankings"), "news acronyms stay out");
        assertEquals(List.of(), tickers("CAT and DE"), "no verb of a price");
    }

    @Test
    void anotherShareClassOfACompanyTheTextNamesCountsBare() {
        assertEquals(List.of("Z", "ZG"), tickers("Zillow said ZG joins the index"));
        assertEquals(List.of(), tickers("ZG joins the index"), "alone, two letters need more");
    }

    @Test
    void aFundWordBeforeAFundsSymbolNamesIt() {
        assertEquals(List.of("GLDM"), tickers("Gold fund GLDM saw inflows"));
    }

    @Test
    void aFirmsListsAndItsForecastersByFullNameAreTheAnalyst() {
        assertEquals(List.of("NVDA"), tickers("Nvidia joins Goldman's conviction list"), "the firm's list");
        assertEquals(List.of(), tickers("Morgan Stanley's Mike Wilson lifts his S&P 500 target"), "a forecaster");
        assertEquals(List.of("JPM"), tickers("JPMorgan's Jamie Dimon raises his forecast for loan growth"),
                "the bank's chief speaks for the bank");
    }

    @Test
    void aOneWordNameYieldsToACashtagOfItsFamily() {
        assertEquals(List.of("BEP"), tickers("$BEP - Why Brookfield looks cheap"), "Brookfield Renewable's cashtag");
        assertEquals(List.of("BN"), tickers("Brookfield raises its dividend"), "alone, Brookfield Corporation");
    }

    @Test
    void seventhRoundNamesAndCuesForWordNames() {
        assertEquals(List.of("SHEL"), tickers("Royal Dutch Shell raises its dividend"), "Shell's former name");
        assertEquals(List.of("DPZ"), tickers("Domino's shares rise after the report"));
        assertEquals(List.of("PGR"), tickers("Progressive's combined ratio worsened"), "a possessive before a metric");
        assertEquals(List.of("SHEL"), tickers("Leak reported at Shell's Pernis refinery"), "a possessive, a site");
        assertEquals(List.of("SHEL"), tickers("Shell-led group wins the tender"), "only an organisation leads so");
        assertEquals(List.of(), tickers("Mitsubishi-led consortium wins the tender"), "the group, not MUFG");
    }

    @Test
    void aShortSymbolCountsAfterAPastMoveAQuantityOrARotationAndAClassByApposition() {
        assertEquals(List.of("KO"), tickers("KO sank after the guidance cut"), "a past move, then a lower-case word");
        assertEquals(List.of(), tickers("KO Fell Behind In The Race"), "title case after the verb");
        assertEquals(List.of("T"), tickers("Sold some T before the dividend cut"), "a quantity after the trade");
        assertEquals(List.of("COST", "WMT"), tickers("Rotated from WMT to COST this quarter"), "a rotation");
        assertEquals(List.of("COST", "TGT"), tickers("Moved money out of TGT into COST"));
        assertEquals(List.of(), tickers("From A to Z, the guide to COST cutting"), "no symbol found at the other end");
        assertEquals(List.of("Z", "ZG"), tickers("ZG dipped while Z, its class C shares, held"), "a class by apposition");
        assertEquals(List.of(), tickers("Z, the last letter, closes the alphabet"));
    }

    @Test
    void aGivenNameAPossessiveFirmAnalystAndAFeedsCompetitorAreNoTags() {
        assertEquals(List.of("NVDA"), tickers("Jefferies' Blayne Curtis keeps a buy on Nvidia"),
                "the firm's analyst by full name, after a bare apostrophe");
        assertEquals(List.of(), tickers("Venu Srinivasan says the plant will reopen"), "a given name, a surname");
        assertEquals(List.of("VENU"), tickers("Venu Holding shares rise"));
        assertEquals(List.of(), extractor.tickers("Samsung's new phone sells out", List.of("AAPL")),
                "the feed's ticker yields to a competitor's possessive");
        assertEquals(List.of("AAPL"), extractor.tickers("Trump's tariffs could raise prices", List.of("AAPL")),
                "not a company's possessive");
    }

    @Test
    void wordsThatAreNoTickerHereStayOut() {
        assertEquals(List.of(), tickers("Siemens Energy AG reports results"), "a legal form after a name");
        assertEquals(List.of(), tickers("Shiseido and KOSÉ test a beauty mirror"), "a name with a letter beyond ASCII");
        assertEquals(List.of("BIIB"), tickers("$BIIB WOW! What a day"), "an English word shouted");
        assertEquals(List.of(), tickers("European close: DAX +1%, CAC +0.8%"), "the French index");
        assertEquals(List.of(), tickers("Shares of the ZIP code's biggest employer"), "a ZIP code");
        assertEquals(List.of(), tickers("Oil hit 40 degrees Celsius"), "a unit, not Celsius Holdings");
        assertEquals(List.of(), tickers("Meta Financial declares a dividend"), "a lender named like Meta");
        assertEquals(List.of("HSBC"), tickers("HSBC Bank USA adds a payments service"), "a bank's own bank");
        assertEquals(List.of(), extractor.tickers("BYD outsells its rivals", List.of("TSLA")),
                "BYD is BYD Co's name, not Boyd Gaming, and not the feed's Tesla");
    }

    @Test
    void eighthRoundFormerNames() {
        assertEquals(List.of("CREG"), tickers("China Recycling signs a new lease"));
        assertEquals(List.of("FFIV"), tickers("F5 Networks buys a security startup"));
    }

    @Test
    void eighthRoundCuesAndAnalystsAndIndexCashtags() {
        assertEquals(List.of("AU"), tickers("AngloGold's output rose in the quarter"), "the title's own camel case");
        assertEquals(List.of("TPR"), tickers("Tapestry estimates 2021 savings of $300 mln"), "a company's figure");
        assertEquals(List.of(), tickers("American regulators approve the rule"), "a place's adjective before people");
        assertEquals(List.of("AAL"), tickers("American halts flights to Caracas"), "the airline with its verb");
        assertEquals(List.of("NVDA"), tickers("Nomura Instinet loses confidence in Nvidia"));
        assertEquals(List.of("CAT"), tickers("Citi gives a big boost to Caterpillar PT"));
        assertEquals(List.of("SPY"), tickers("$SPY $TNX $DAX $WTI all red"), "beside a pure index, $DAX is one");
        assertEquals(List.of("CL", "ES"), tickers("$CL $ES both report tomorrow"), "no pure index beside them");
    }

    @Test
    void agenciesAndGenericPhrasesAreNoCompanyAndTheMortgageAgenciesAre() {
        assertEquals(List.of(), tickers("The US Energy Information Administration sees output rising"),
                "an agency's name continues past the company's");
        assertEquals(List.of(), tickers("Billions for Clean Energy in the new bill"), "a generic phrase");
        assertEquals(List.of(), tickers("FDA GRANTS FAST TRACK DESIGNATION TO THE DRUG"), "the FDA's designation");
        assertEquals(List.of("FMCC", "FNMA"), tickers("Fannie Mae and Freddie Mac shares jump"), "OTC, by alias");
    }

    @Test
    void foreignCompaniesTradedOverTheCounterCountByNameUnlessAListedCompanyHasIt() {
        assertEquals(List.of("DTEGF", "DTEGY"), tickers("Deutsche Telekom raises its dividend"),
                "an OTC ADR's whole name, with each of its OTC symbols (tenth round)");
        assertEquals(List.of("TELNF", "TELNY"), tickers("Telenor sells its Asian towers"), "a foreign name no word has");
        assertEquals(List.of("EADSF"), tickers("Airbus shares fell 2%"), "a rare word with a cue");
        assertEquals(List.of(), tickers("The Airbus landed late"), "a rare word without one");
        assertEquals(List.of("DB"), tickers("Deutsche Bank reports a loss"), "the listed company keeps its name");
    }

    @Test
    void ninthRoundCuesAndFalseTags() {
        assertEquals(List.of("SIRI"), tickers("Sirius up 4% after the deal"), "a rare first word before a move");
        assertEquals(List.of(), tickers("Copper up 2% on the day"), "no company's word");
        assertEquals(List.of("NOW"), tickers("Been holding NOW since 2019"), "held through time");
        assertEquals(List.of(), tickers("Holding now, waiting for a dip"), "the word");
        assertEquals(List.of(), tickers("Critics cite the Chevron doctrine"), "a court case's doctrine");
        assertEquals(List.of("CVX"), tickers("Chevron raises its dividend"));
        assertEquals(List.of("NFLX"), tickers("Citi's Jason Bazinet remains bearish on Netflix"), "a stance, the analyst");
        assertEquals(List.of("SGC"), tickers("Superior Uniform Group raises guidance"), "a former name");
    }

    @Test
    void aFunctionWordOpeningAListWithATickerAndAWordsCashtagAmongStocksAreTickers() {
        assertEquals(List.of("NVDA", "ON"), tickers("ON and NVDA ripped today"), "a function word listed with a ticker");
        assertEquals(List.of(), tickers("IT and HR teams met"), "no ticker found beside it");
        assertEquals(List.of("DUK"), tickers("So and DUK"), "written as the word");
        assertEquals(List.of("IBM", "WORK"), tickers("$WORK $IBM - Slack jumps on a new customer"), "among stocks");
        assertEquals(List.of(), tickers("$SALE ends tonight"), "alone, the word");
    }

    @Test
    void tenthRoundAnalystsAdverbsAndTheFirmsOwnStaff() {
        assertEquals(List.of("AAPL"), tickers("UBS now sees upside in Apple"), "an adverb before the analyst's verb");
        assertEquals(List.of("TSLA"), tickers("Barclays also cuts its Tesla target"));
        assertEquals(List.of("MSFT"), tickers("Barclays' top pick for 2025 is Microsoft"), "a firm's pick");
        assertEquals(List.of("DB"), tickers("Deutsche Bank cuts 500 jobs in its investment bank"), "its own staff");
        assertEquals(List.of("UBS"), tickers("UBS adds 1,000 bankers in Asia"));
        assertEquals(List.of("BAC"), tickers("Bank of America raises its dividend"), "its own payout");
        assertEquals(List.of("NVDA"), tickers("Goldman: Nvidia remains a top pick"), "a firm's view after a colon");
        assertEquals(List.of("AMZN"), tickers("JPMorgan's Doug Anmuth is bullish on Amazon"), "an analyst's stance");
        assertEquals(List.of("NKE"), tickers("Morgan Stanley thinks Nike can rebound"));
    }

    @Test
    void tenthRoundForeignOverTheCounterCompaniesCountWithEachSymbol() {
        assertEquals(List.of("WBKCY", "WEBNF"), tickers("Westpac Banking reports a profit drop"),
                "OTC symbols ending in Y or F mark a foreign issuer without a mark in its title");
        assertEquals(List.of("BAESF", "BAESY"), tickers("BAE Systems wins a Navy contract"), "every OTC symbol");
        assertEquals(List.of("BAESY"), tickers("$BAESY BAE Systems wins a Navy contract"), "the text picks one");
        assertEquals(List.of("LK"), tickers("$LK Luckin Coffee opens 500 stores"), "the home symbol written");
        assertEquals(List.of("EADSF"), tickers("Airbus lands a big order from IndiGo"), "a verb of winning business");
        assertEquals(List.of(), tickers("Airbus says deliveries slowed"), "no cue");
        assertEquals(List.of("OVV"), tickers("Encana changed its name to Ovintiv"), "a former name");
        assertEquals(List.of("SLF"), tickers("Transcript of SLF.TO call"), "Toronto's suffix, a foreign filer");
        assertEquals(List.of(), tickers("Transcript of ESI.TO call"), "another company than the US ESI");
    }

    @Test
    void tenthRoundPeopleAndLongerProperNames() {
        assertEquals(List.of(), tickers("Harrison Ford thanks his fans"), "a verb, then his: a person");
        assertEquals(List.of(), tickers("Darren Ford scored twice"), "a person's deed after a rare capitalised word");
        assertEquals(List.of("AAPL"), tickers("Tim Cook says Apple will raise its dividend"));
        assertEquals(List.of(), tickers("Bumble Bee recalls canned tuna"), "the first word of another proper name");
        assertEquals(List.of("BMBL"), tickers("Bumble shares fell after the earnings"));
        assertEquals(List.of("MUX"), tickers("McEwen Mining plans a stock offering"), "a trade after the name");
        assertEquals(List.of(), tickers("Tesla coils hummed in the museum"), "named after the person");
        assertEquals(List.of("SNAP"), extractor.tickers("Snap's user growth stalls", List.of("META")),
                "a possessive before what a company has, in another company's feed");
        assertEquals(List.of(), tickers("The Wells Fargo Center hosts the game"), "a venue named for the company");
        assertEquals(List.of(), tickers("Hershey, Pennsylvania is a sweet town"), "a town, then its state");
        assertEquals(List.of("ALK", "JBLU"), tickers("JetBlue, Alaska Air shares rise"), "a list, not a state");
    }

    @Test
    void tenthRoundShortSymbolsInTradersTalk() {
        assertEquals(List.of("MU"), tickers("MU keeps sliding after the guide"), "a lasting trend");
        assertEquals(List.of(), tickers("EU keeps pushing for new rules"), "slang, not enCore");
        assertEquals(List.of("HD"), tickers("Nobody talks about HD but it keeps compounding"));
        assertEquals(List.of(), tickers("Macron talks about EU reform today"));
        assertEquals(List.of("MU"), tickers("Started a small position in MU today"));
        assertEquals(List.of(), tickers("Bought a position in PR firms"), "the phrase goes on");
        assertEquals(List.of("ZS"), tickers("What's your price target for ZS?"));
        assertEquals(List.of("KO"), tickers("Is KO a buy here?"));
        assertEquals(List.of("MU"), tickers("Sold half my MU at the open"));
        assertEquals(List.of(), tickers("Our HR team is hiring"));
        assertEquals(List.of("DG"), tickers("DG cut its outlook again"), "its own outlook");
        assertEquals(List.of("BA"), tickers("BA is down 4% premarket"));
        assertEquals(List.of("PG"), tickers("PG hit a new 52-week high"));
        assertEquals(List.of("BRK.A", "BRK.B"), tickers("BRK-B and BRK-A both hit records"), "a class after a dash");
        assertEquals(List.of("UA", "UAA"), tickers("UAA outperformed UA this year"), "another class of a symbol found");
        assertEquals(List.of("IBIT"), tickers("IBIT saw record inflows"), "what only a fund has");
    }

    @Test
    void eleventhRoundShortenedNamesAndPlans() {
        assertEquals(List.of("CHRW"), tickers("CH Robinson beats estimates"), "initials written together");
        assertEquals(List.of("WPC"), tickers("WP Carey raises its dividend"));
        assertEquals(List.of("VFC"), tickers("Shares of VF Corp fell"));
        assertEquals(List.of("WBD"), tickers("Warner Bros plans a new Batman film"), "a name up to its Bros");
        assertEquals(List.of("SHEL"), tickers("Shell to keep its dividend steady"), "a plan with an object");
        assertEquals(List.of(), tickers("Delta to continue spreading in the fall"), "no object: not a company's plan");
    }

    @Test
    void aNameTheSecFilesSurnameFirstIsFoundInNewsOrder() {
        assertEquals(List.of("JBHT"), tickers("J.B. Hunt shares slide after freight volumes disappoint"),
                "HUNT J B TRANSPORT SERVICES");
        assertEquals(List.of("JBHT"), tickers("JB Hunt cuts its outlook"), "initials written together");
        assertEquals(List.of("AOS"), tickers("A.O. Smith sees water heater demand recovering"), "SMITH A O");
        assertEquals(List.of("FUL"), tickers("H.B. Fuller lifts adhesive prices"), "FULLER H B");
        assertEquals(List.of("DHI"), tickers("D.R. Horton beats on home closings"));
        assertEquals(List.of(), tickers("Dr Horton said the trial results were encouraging"), "a doctor, not DR Horton");
        assertEquals(List.of("TEF"), tickers("Telefonica S.A. shares rise"), "S A is a legal form, not initials");
    }

    @Test
    void aBareMaInMovingAverageTalkIsTheAverage() {
        assertEquals(List.of(), tickers("The 50-day MA crossed above the 200-day MA, short MA now points up"));
        assertEquals(List.of(), tickers("Price holds the 21 EMA and the short MA is rising"));
        assertEquals(List.of("MA", "V"), tickers("Short MA here, long V"), "a pair trade, no averages");
    }

    @Test
    void eleventhRoundPeoplePlacesAndEvents() {
        assertEquals(List.of(), tickers("Rob Lowe's new show premieres tonight"), "a short given name, then a surname");
        assertEquals(List.of("LOW"), tickers("Lowe's raises its outlook"));
        assertEquals(List.of(), tickers("A biography of Howard Hughes is out"), "a person's full name");
        assertEquals(List.of("HHH"), tickers("Howard Hughes Holdings shares rise"));
        assertEquals(List.of(), tickers("Nurses at Hershey Medical Center Win Award"), "a place, in title case too");
        assertEquals(List.of("NKE"), tickers("Nike Opens Innovation Center in Portland"), "a verb between");
        assertEquals(List.of(), tickers("The Amgen Tour returns in May"), "an event named for the company");
    }

    @Test
    void eleventhRoundAnalystsPositionsAndIndexCashtags() {
        assertEquals(List.of(), tickers("Goldman's Jan Hatzius says recession odds fell"), "an analyst by full name");
        assertEquals(List.of("JPM"), tickers("JPMorgan's Jamie Dimon says the economy is resilient"), "its chief");
        assertEquals(List.of(), tickers("JPMorgan On Oil: Buy The Dip"), "the firm's view of a topic");
        assertEquals(List.of("MA", "V"), tickers("Short V, long MA"), "a pair trade");
        assertEquals(List.of(), tickers("The long MA crossed above the price"), "a moving average");
        assertEquals(List.of(), tickers("$DJIA hits a record"), "the index, not the fund with its letters");
        assertEquals(List.of(), tickers("$DAX falls 2%"));
        assertEquals(List.of("CL", "ES"), tickers("$CL $ES both up after earnings"), "companies keep such symbols");
        assertEquals(List.of("DJT"), tickers("$DJT soars after earnings"));
    }

    @Test
    void eleventhRoundFeedItemsNamingAnotherBrand() {
        assertEquals(List.of(), extractor.tickers("House passes TikTok ban", List.of("META")), "an unlisted brand");
        assertEquals(List.of("META"), extractor.tickers("WhatsApp adds channels", List.of("META")), "its product");
        assertEquals(List.of("MSFT"), extractor.tickers("LinkedIn cuts jobs", List.of("MSFT")));
        assertEquals(List.of("JBLU"), extractor.tickers("JetBlue cancels flights", List.of("JBLU")), "its own name");
    }

    @Test
    void eventsClubsAndFoundationsNamedAfterACompanyAreNotTheCompany() {
        assertEquals(List.of(), tickers("The Verizon Heritage Classic ends on Sunday"), "a tournament");
        assertEquals(List.of(), tickers("Runners lined up for the Boeing Seattle Marathon"), "a race, a place between");
        assertEquals(List.of(), tickers("Members of the Exxon Club met in Houston"), "a club");
        assertEquals(List.of(), tickers("The Goldman Sachs Foundation gave out grants"), "a foundation");
        assertEquals(List.of(), tickers("Tiger Woods won the Wells Fargo Open"), "Open ending the phrase");
        assertEquals(List.of("AAPL"), tickers("Apple Open To Talks With Regulators"), "Open, the headline's verb");
        assertEquals(List.of("XOM"), tickers("Exxon raises its dividend"));
        assertEquals(List.of(), tickers("The Verizon Wireless Amphitheater sold out"), "a venue after a phrase");
        assertEquals(List.of(), tickers("The Lilly Endowment gives $1 billion"), "an endowment");
    }

    @Test
    void aNameNoDictionaryHasWrittenInLowerCaseNearATradeIsTheCompany() {
        assertEquals(List.of("NVDA"), tickers("just bought more nvidia"), "a trade's word near it");
        assertEquals(List.of("PLTR"), tickers("palantir calls printed today"));
        assertEquals(List.of(), tickers("a snowflake fell on the stock exchange roof"), "no cue within three words");
        assertEquals(List.of(), tickers("check nvidia.com for the earnings"), "part of a link");
        assertEquals(List.of(), tickers("apple pie is on sale"), "an English word");
    }

    @Test
    void lowerCaseCashtagsOfListedSymbolsCount() {
        assertEquals(List.of("AMD", "TSLA"), tickers("$tsla calls and $amd puts"), "as the upper-case cashtag");
        assertEquals(List.of(), tickers("$now is the time"), "a word");
        assertEquals(List.of(), tickers("$spx new high, $btc flat"), "an index, a coin");
        assertEquals(List.of(), tickers("$penn coin"), "coin talk");
    }

    @Test
    void aNameFollowedByItsShareClassIsThatClass() {
        assertEquals(List.of("BF.B"), tickers("Brown-Forman's class B shares fell"));
        assertEquals(List.of("HEI.A"), tickers("Heico's Class A shares trade at a discount"));
        assertEquals(List.of("LEN.B"), tickers("Lennar's B shares lagged"));
        assertEquals(List.of("LEN"), tickers("Lennar's shares lagged"), "no class named");
    }

    @Test
    void aWrapListingFundsInCapitalsIsNoShoutedHeadline() {
        assertEquals(List.of("SMH", "SOXX", "XLE", "XLU"), tickers("SMH, SOXX lead; XLE, XLU lag"), "funds listed");
        assertEquals(List.of(), tickers("BREAKING: STOCKS TUMBLE AS FED HIKES RATES"), "shouted words");
    }

    @Test
    void anInterjectionShoutedInCapitalsIsNoTicker() {
        assertEquals(List.of("NVDA"), tickers("WOW what a day for NVDA"), "an exclamation follows");
        assertEquals(List.of("AMD"), tickers("BOOM. $AMD ripping"), "a sentence of its own");
        assertEquals(List.of("NICE"), tickers("NICE, another beat from $NICE"));
        assertEquals(List.of("WOW"), tickers("WOW shares fall after earnings"), "the company");
    }

    @Test
    void aFeedItemWhereAnotherCompanyRanksOrReportsDropsTheFeedsTicker() {
        assertEquals(List.of(), extractor.tickers("Samsung outsells rivals in Europe", List.of("AAPL")), "ranks");
        assertEquals(List.of(), extractor.tickers("Huawei revenue jumps 20%", List.of("AAPL")), "its figures");
        assertEquals(List.of("AAPL"), extractor.tickers("Xiaomi overtakes Apple in India", List.of("AAPL")));
        assertEquals(List.of("AAPL"), extractor.tickers("Cook tells staff to expect a busy fall", List.of("AAPL")),
                "a person speaks");
        assertEquals(List.of("GOOGL"), extractor.tickers("Waymo revenue doubles", List.of("GOOGL")), "its own unit");
    }

    @Test
    void aFeedItemOpeningWithAnotherCompanysProductDropsTheFeedsTicker() {
        assertEquals(List.of(), extractor.tickers("Samsung Galaxy S25 review: a better camera", List.of("AAPL")),
                "a name, then its product");
        assertEquals(List.of(), extractor.tickers("Anthropic's Claude gains enterprise share", List.of("MSFT")));
        assertEquals(List.of("NVDA"), extractor.tickers("Jensen Huang says demand is insane", List.of("NVDA")),
                "a person's full name");
        assertEquals(List.of("AAPL"), extractor.tickers("Tim Cook meets Trump", List.of("AAPL")), "a given name");
        assertEquals(List.of("AMZN"), extractor.tickers("Jassy Cuts Middle Managers", List.of("AMZN")), "title case");
    }

    @Test
    void aFirmsResearchArmsAnalystByFullNameIsTheAnalystNotTheFirm() {
        assertEquals(List.of("UBER"), tickers("Evercore ISI's Mark Mahaney likes Uber"), "the firm's research arm");
        assertEquals(List.of(), tickers("Morgan Stanley's Mike Wilson questions the rally"), "more opinion verbs");
        assertEquals(List.of(), tickers("Goldman's David Kostin flags downside for the S&P"));
        assertEquals(List.of("WFC"), tickers("Wells Fargo's Charlie Scharf tells staff to return"), "its chief");
    }

    @Test
    void companyNamesWrittenAsHashtagsAreFound() {
        assertEquals(List.of("MAR"), tickers("Hotels rally #MarriottInternational #Stock"), "a name, words run together");
        assertEquals(List.of("IBKR"), tickers("Brokers gain #InteractiveBrokers"));
        assertEquals(List.of(), tickers("Notes from the forum #NewEconForum #MarketScreener"), "no company's name");
    }

    @Test
    void formerNamesStillUsedInNewsAreTheRenamedCompany() {
        assertEquals(List.of("WLK"), tickers("Westlake Chemical shares climbed"), "Westlake Corp since 2022");
        assertEquals(List.of("WLKP"), tickers("Westlake Chemical Partners declares a distribution"), "the partnership");
        assertEquals(List.of("GEN"), tickers("NortonLifeLock beats on revenue"));
        assertEquals(List.of("STLA"), tickers("Fiat Chrysler's profit rises"));
        assertEquals(List.of("PARA"), tickers("ViacomCBS plans a new streaming service"));
        assertEquals(List.of("COR"), tickers("AmerisourceBergen shares rose after the results"), "Cencora since 2023");
    }

    @Test
    void anAnalystFirmWithdrawingOrEndingARatingIsTheAnalystNotTheFirm() {
        assertEquals(List.of("NKE"), tickers("UBS scraps its neutral rating on Nike"));
        assertEquals(List.of("F"), tickers("Jefferies drops its sell call on Ford"));
        assertEquals(List.of("PTON"), tickers("Barclays ends coverage of Peloton"), "no article");
        assertEquals(List.of("BCS"), tickers("Barclays ends its bond trading unit"), "the firm's own business");
    }

    @Test
    void aFirmsViewOfAMarketAfterItsNameAndAColonIsNotTheFirm() {
        assertEquals(List.of(), tickers("HSBC: the dollar's slide is not over"), "a possessive");
        assertEquals(List.of(), tickers("UBS: gold to $3,000 by year end"), "a verb of outlook");
        assertEquals(List.of("BCS"), tickers("Barclays: bond trading revenue rises"), "the firm's own figures");
    }

    @Test
    void programmesContestsAndHospitalsNamedAfterACompanyAreNotTheCompany() {
        assertEquals(List.of(), tickers("The Google Science Fair names its winners"));
        assertEquals(List.of(), tickers("Finalists of the Regeneron Science Talent Search were named"));
        assertEquals(List.of(), tickers("Doctors at the Ford Children's Hospital said"), "a possessive inside the name");
        assertEquals(List.of("GOOGL"), tickers("Google Search traffic falls"), "its product, right after the name");
        assertEquals(List.of("MSFT"), tickers("Microsoft Bing Search gains share"));
    }

    @Test
    void aSymbolThatIsAlsoAnAcronymCountsInParenthesesAfterItsCompanysName() {
        assertEquals(List.of("ETN"), tickers("Eaton (ETN) rallied on grid spending"), "its own name before");
        assertEquals(List.of(), tickers("The ETN (ETN) tracks oil futures"), "an exchange-traded note");
        assertEquals(List.of(), tickers("ETN flows picked up in March"), "the acronym alone");
    }

    @Test
    void emersonAloneIsEmersonElectricNotEmersonRadio() {
        assertEquals(List.of("EMR"), tickers("Emerson beats on orders"), "the name Emerson Electric trades under");
        assertEquals(List.of("MSN"), tickers("Emerson Radio posts a loss"), "the longer name");
        assertEquals(List.of(), tickers("Ralph Waldo Emerson wrote about self-reliance"), "a person");
    }

    @Test
    void dowCuttingOrHiringStaffIsTheCompanyNotTheIndex() {
        assertEquals(List.of("DOW"), tickers("Dow to cut about 2,000 jobs"));
        assertEquals(List.of("DOW"), tickers("Dow lays off 1,500 workers"));
        assertEquals(List.of(), tickers("The Dow fell 300 points"), "the index");
        assertEquals(List.of(), tickers("Dow cuts losses, closes higher"), "the index cutting its losses");
    }

    @Test
    void venuesEventsTeamsAndPeopleOnTheNamedAfterCompaniesListAreNotTheCompany() {
        assertEquals(List.of(), tickers("The Coca-Cola 600 runs on Memorial Day weekend"), "a race");
        assertEquals(List.of(), tickers("The Hershey Bears won the Calder Cup"), "a hockey team");
        assertEquals(List.of(), tickers("Rain delays the game at Citi Field"), "a ballpark");
        assertEquals(List.of(), tickers("Scheffler leads the FedEx Cup standings"), "a season-long prize");
        assertEquals(List.of(), tickers("Emerson Fittipaldi won the Indy 500 twice"), "a driver");
        assertEquals(List.of(), tickers("Klaus Schwab steps down from the forum he founded"), "a person");
        assertEquals(List.of("C"), tickers("Fans packed Citi Field as Citigroup shares rose"), "named elsewhere too");
        assertEquals(List.of("KO"), tickers("Coca-Cola shares rose as the Coca-Cola 600 drew record viewers"));
    }

    @Test
    void moreFormerNamesFromRenamingsAndMergersAreTheCompanyUnderItsNewSymbol() {
        assertEquals(List.of("BWIN"), tickers("BRP Group to acquire an agency in Florida"), "Baldwin Insurance Group");
        assertEquals(List.of("RENB"), tickers("Enochian Bio rises on a licensing deal"), "Renovaro");
        assertEquals(List.of("LUMN"), tickers("CenturyLink cuts its dividend"), "Lumen Technologies");
        assertEquals(List.of("NTR"), tickers("Agrium and PotashCorp agree to merge"), "both became Nutrien");
        assertEquals(List.of("TLRY"), tickers("Is Aphria Stock a Buy?"), "merged with Tilray, taking its name");
        assertEquals(List.of("CCEP"), tickers("Coca-Cola European Partners beats forecasts"), "not KO");
        assertEquals(List.of("TFC"), tickers("Fed, FDIC approve BB&T, SunTrust merger"), "Truist");
        assertEquals(List.of("DAY"), tickers("Ceridian HCM raises its outlook"), "HCM inside the name is no symbol");
    }

    @Test
    void aPersonsSurnameThatIsACompanysAliasIsThePersonInAPersonsContext() {
        assertEquals(List.of(), tickers("The poet Emerson wrote that consistency is overrated"), "an occupation before");
        assertEquals(List.of(), tickers("Emerson's poems are still taught in schools"), "a person's works");
        assertEquals(List.of(), tickers("Jane Emerson, a Boston lawyer, said the case was weak"), "an apposition");
        assertEquals(List.of(), tickers("A biography of Emerson by Robert Richardson"));
        assertEquals(List.of("EMR"), tickers("Emerson cuts 1,000 jobs"));
        assertEquals(List.of("EMR"),
                tickers("Emerson, a St. Louis-based maker of automation equipment, raised its outlook"), "a maker");
    }

    @Test
    void aFirmsDeskOrTeamGivingAViewIsTheAnalyst() {
        assertEquals(List.of(), tickers("Deutsche Bank's currency team expects a weaker yen"));
        assertEquals(List.of(), tickers("Goldman's commodities desk sees oil at $90"));
        assertEquals(List.of("JPM"), tickers("JPMorgan's trading desk posts record revenue"), "the firm's own figures");
    }

    @Test
    void anAnalystsNumberOnACompanyAfterItsVerbMakesTheCompanyRated() {
        assertEquals(List.of("DECK"), tickers("Wells Fargo trims its Deckers target after the Hoka miss"));
        assertEquals(List.of("FUBO"), tickers("Wolfe Research cuts fuboTV to underperform"), "lower case first");
    }

    @Test
    void aCoinAndStockCashtagBesideCryptoTradersWordsIsTheCoin() {
        Extraction majors = extractor.extract("$TRX lagged the majors again", List.of());
        assertEquals(List.of(), majors.tickers());
        assertEquals(List.of("TRX"), majors.crypto().stream().map(CryptoMention::coin).toList());
        assertEquals(List.of("TRX"), tickers("$TRX rallies after TRX Gold posts record output"), "the company named");
    }

    @Test
    void theNewNameOfARenamedCompanyIsNotAListingOfThatName() {
        assertEquals(List.of(), tickers("Memebox Rebrands to MBX and Names New Executive Team"));
        assertEquals(List.of("META"), tickers("Facebook rebrands as Meta"), "the old name counts");
    }

    @Test
    void aShareClassSaidByItsKindAfterTheNameIsThatClassAlone() {
        assertEquals(List.of("TAP.A"), tickers("Molson Coors' voting TAP.A hardly ever prints"));
        assertEquals(List.of("GEF", "GEF.B"), tickers("Greif has two lines, GEF and GEF.B, and I own the second"));
        assertEquals(List.of("LEN", "LEN.B"), tickers("Lennar's LEN.B class lagged the A shares again"));
    }

    @Test
    void fundsInAMarketWrapCountBesideALevelOrAFlatClose() {
        assertEquals(List.of("SCHD", "VIG"), tickers("Dividend growers steady: VIG flat, SCHD +0.2%"));
        assertEquals(List.of("URA"), tickers("Uranium miners extend gains; URA at a 52-week high"));
        assertEquals(List.of("CRWD", "ZS"), tickers("ZS gapped down while CRWD shrugged off the same report"));
    }

    @Test
    void anotherFirmOfTheSameFirstWordOrAnAcronymSpelledOutIsNoTicker() {
        assertEquals(List.of(), tickers("Greenlane Renewables Signs New $7.0 Million System Supply Contract with the "
                + "Renewable Natural Gas Company, a Leader in Landfill Gas to RNG Projects"));
        assertEquals(List.of("XERS"), tickers("Xeris Pharma launches equity offering"), "its own trade, shortened");
        assertEquals(List.of("MUX"), tickers("McEwen Mining plans stock offering"), "a mining word it dropped");
    }

    @Test
    void aFeedItemAboutAnotherCompanysServiceOrMilestoneDropsTheFeedsTicker() {
        assertEquals(List.of(), extractor.tickers("Brave's search engine passes a usage milestone", List.of("GOOGL")));
        assertEquals(List.of(), extractor.tickers("Tubi passes 100 million monthly viewers", List.of("NFLX")));
        assertEquals(List.of("NFLX"), extractor.tickers("Netflix passes 300 million subscribers", List.of("NFLX")));
    }

    @Test
    void fifteenthRoundFormerNamesNicknamesAndBrandsNameTheirListedCompany() {
        assertEquals(List.of("ELME"), tickers("Washington REIT sells another apartment portfolio"));
        assertEquals(List.of("ENOV"), tickers("Colfax orthopedics arm DJO launches a new knee implant"));
        assertEquals(List.of("SSSS"), tickers("Sutter Rock Capital Corp. announces results of its tender offer"));
        assertEquals(List.of("IBM"), tickers("Big Blue's consulting unit cut more jobs"));
        assertEquals(List.of("MCD"), tickers("Mickey D's brings the Snack Wrap back nationwide"));
        assertEquals(List.of("FOXA"), tickers("The anchor abruptly left Fox News last month"));
        assertEquals(List.of("YUM"), tickers("KFC tests plant-based chicken"));
        assertEquals(List.of(), tickers("Stoners will watch and order Taco Bell"), "a meal ordered, not the company");
        assertEquals(List.of(), tickers("Chevy Chase reunites with the old SNL cast"), "a person, not Chevrolet");
    }

    @Test
    void shortNamesCountBesideACueOfTheirTrade() {
        assertEquals(List.of("DKS", "FL"), tickers("Dick's closes its deal for Foot Locker"));
        assertEquals(List.of("BHC", "TEVA"), tickers("Teva, Bausch Could Be Next to File for Bankruptcy"));
        assertEquals(List.of("STLA"), tickers("Ram is making moves in the truck wars"));
        assertEquals(List.of(), tickers("Ram Charan says CEOs must adapt; Dodge warns"), "a person's given name");
    }

    @Test
    void aReutersExchangeSuffixMarksTheSymbolAndWrapsCountFundsAtRecords() {
        assertEquals(List.of("ZTO"), tickers("Edited Transcript of ZTO.N earnings conference call"));
        assertEquals(List.of(), tickers("The U.N chief spoke on Tuesday"));
        assertEquals(List.of("IDU", "VPU"), tickers("Utilities bid on the power trade, VPU and IDU close at records"));
        assertEquals(List.of("SNOW"), tickers("SNOW gapped up 15% on the product revenue beat"));
        assertEquals(List.of(), tickers("The Social Security COLA will be 2.8% next year"));
    }

    @Test
    void moreCoinsAndStakingMakeCoinCashtagsCoinsButACompanysFullNameIsNoCoin() {
        Extraction ai = extractor.extract("$FET and $RENDER leading the AI coins today", List.of());
        assertEquals(List.of(), ai.tickers());
        assertTrue(ai.crypto().stream().map(CryptoMention::coin).toList().contains("FET"));
        Extraction staking = extractor.extract("$ATOM staking rewards just dropped again", List.of());
        assertEquals(List.of(), staking.tickers());
        assertEquals(List.of("ATOM"), staking.crypto().stream().map(CryptoMention::coin).toList());
        assertEquals(List.of("FET"), tickers("$FET - Forum Energy Technologies reports Q3 results"));
        Extraction cronos = extractor.extract("Is Cronos Group Inc. (CRON) A Good Stock To Buy?", List.of());
        assertEquals(List.of("CRON"), cronos.tickers());
        assertEquals(List.of(), cronos.crypto());
    }
}
