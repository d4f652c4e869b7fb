package com.tradethehype.sentiment.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How idle workers' passes are cut from what waits, on the real tiny model's tokenizer. */
class PassPlannerTest {

    static LoadedModel model;

    @BeforeAll
    static void load() throws Exception {
        model = new ModelLoader(ModelOptions.of("src/test/resources/models/tiny-bert"), new ObjectMapper()).load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** {@code count} texts of {@code words} words each (the tiny vocabulary keeps one token per word). */
    static ScoringJob job(int count, int words) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add("shares rise" + " after results".repeat(Math.max(0, words - 2) / 2));
        }
        return new ScoringJob(model.encode(texts), System.nanoTime());
    }

    static int width(List<PassPlanner.Item> pass) {
        return pass.stream().mapToInt(PassPlanner.Item::length).max().orElseThrow();
    }

    static int cost(List<PassPlanner.Item> pass, int overhead) {
        return overhead + pass.size() * width(pass);
    }

    @Test
    void shortAndLongTextsGoToSeparatePassesCostliestFirst() {
        ScoringJob mixed = job(16, 4);
        ScoringJob longer = job(16, 30);
        List<List<PassPlanner.Item>> passes = PassPlanner.split(List.of(mixed, longer), 1, 32, 4096, 1, 32);
        assertEquals(2, passes.size());
        assertEquals(longer, passes.get(0).get(0).job(), "the long texts' pass, the costlier, comes first");
        passes.get(0).forEach(item -> assertEquals(longer, item.job()));
        passes.get(1).forEach(item -> assertEquals(mixed, item.job()));
        assertEquals(0, mixed.untaken + longer.untaken, "every text is taken");
    }

    @Test
    void twoIdleWorkersGetPassesThatEndTogetherRatherThanTheCheapestCut() {
        ScoringJob shorter = job(16, 4);
        ScoringJob longer = job(16, 30);
        // the cheapest cut is the one worker 1 gets: all short texts in one pass, all long ones in another
        long cheapestEnd = 32 + 16L * longer.length(0);
        List<List<PassPlanner.Item>> passes = PassPlanner.split(List.of(shorter, longer), 2, 32, 4096, 1, 32);
        long[] costs = passes.stream().mapToLong(pass -> cost(pass, 32)).toArray();
        assertTrue(passes.size() >= 3, "the long texts are shared out: " + passes.size() + " passes");
        assertTrue(PassPlanner.end(costs, 2) < cheapestEnd * 4 / 5,
                PassPlanner.end(costs, 2) + " against " + cheapestEnd + " for the cheapest cut");
        assertEquals(0, shorter.untaken + longer.untaken, "every text is taken");
        for (int i = 1; i < passes.size(); i++) {
            assertTrue(cost(passes.get(i - 1), 0) >= cost(passes.get(i), 0), "costliest first");
        }
    }

    @Test
    void passesGoCostliestFirstToWhicheverWorkerIsFreeFirst() {
        assertEquals(10, PassPlanner.end(new long[] {3, 5, 3, 4, 3}, 2)); // 5+3 and 4+3+3
        assertEquals(18, PassPlanner.end(new long[] {3, 5, 3, 4, 3}, 1));
        assertEquals(5, PassPlanner.end(new long[] {3, 5, 3, 4, 3}, 5));
    }

    @Test
    void aCutIsMadeOnlyWhenItSavesMoreThanAPassCosts() {
        ScoringJob a = job(4, 10);
        ScoringJob b = job(4, 12);
        int step = b.length(0) - a.length(0);
        assertTrue(step > 0);
        // cutting the 4 shorter texts off saves 4 x step padded tokens
        assertEquals(1, PassPlanner.split(List.of(job(4, 10), job(4, 12)), 1, 32, 4096, 1, 4 * step + 1).size());
        assertEquals(2, PassPlanner.split(List.of(job(4, 10), job(4, 12)), 1, 32, 4096, 1, 4 * step - 1).size());
        // rounded up to a multiple that covers both lengths, a cut saves nothing
        int multiple = b.length(0) + 1;
        assertEquals(1, PassPlanner.split(List.of(job(4, 10), job(4, 12)), 1, 32, 4096, multiple, 1).size());
    }

    @Test
    void everyWorkerGetsAPassEvenWhenOneWouldBeCheapest() {
        List<List<PassPlanner.Item>> passes = PassPlanner.split(List.of(job(10, 8)), 3, 32, 4096, 1, 1000);
        assertEquals(3, passes.size());
        assertEquals(10, passes.stream().mapToInt(List::size).sum());
        for (int i = 1; i < passes.size(); i++) {
            assertTrue(cost(passes.get(i - 1), 0) >= cost(passes.get(i), 0), "costliest first");
        }
        assertEquals(2, PassPlanner.split(List.of(job(2, 8)), 3, 32, 4096, 1, 0).size(), "no more passes than texts");
    }

    @Test
    void passesKeepTheTextAndTokenLimits() {
        ScoringJob many = job(40, 20);
        int length = many.length(0);
        List<List<PassPlanner.Item>> passes = PassPlanner.split(List.of(many), 1, 16, 10 * length, 1, 0);
        Set<Integer> seen = new HashSet<>();
        for (List<PassPlanner.Item> pass : passes) {
            assertTrue(pass.size() <= 10, pass.size() + " texts of " + length + " tokens within " + 10 * length);
            pass.forEach(item -> assertTrue(seen.add(item.index()), "text " + item.index() + " twice"));
        }
        assertEquals(40, seen.size());
        ScoringJob huge = job(1, 60);
        assertEquals(1, PassPlanner.split(List.of(huge), 1, 16, 8, 1, 0).get(0).size(), "one text always fits");
    }
}
