package com.tradethehype.ingest.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds every occurrence of many keys in one pass over a text (Aho-Corasick): a trie of the keys, failure links to
 * the longest proper suffix that is also a trie node, and output links to the next node on that chain that ends a
 * key. Children are stored sorted per node (binary search), the root's densely for ASCII. Immutable once built.
 */
final class AhoCorasick {

    /** Receives each match: the key's value, and where it starts and ends (exclusive) in the text. */
    interface Sink {
        void match(int value, int start, int end);
    }

    private final int[] childStart;
    private final char[] childChar;
    private final int[] childNode;
    private final int[] fail;
    private final int[] outputLink;
    private final int[][] values;
    private final int[] keyLength;
    private final int[] rootAscii = new int[128];

    /** @param firstChild, nextSibling, label the builder's trie as linked lists of children */
    private AhoCorasick(int nodes, int[] firstChild, int[] nextSibling, char[] label, List<int[]> nodeValues,
                        int[] keyLength) {
        this.keyLength = keyLength;
        childStart = new int[nodes + 1];
        childChar = new char[nodes - 1];
        childNode = new int[nodes - 1];
        int at = 0;
        for (int node = 0; node < nodes; node++) {
            childStart[node] = at;
            int from = at;
            for (int child = firstChild[node]; child != 0; child = nextSibling[child]) {
                // insertion sort by label: nodes have few children
                int i = at++;
                while (i > from && childChar[i - 1] > label[child]) {
                    childChar[i] = childChar[i - 1];
                    childNode[i] = childNode[i - 1];
                    i--;
                }
                childChar[i] = label[child];
                childNode[i] = child;
            }
        }
        childStart[nodes] = at;
        values = nodeValues.toArray(new int[0][]);
        fail = new int[nodes];
        outputLink = new int[nodes];
        for (int e = childStart[0]; e < childStart[1]; e++) {
            if (childChar[e] < 128) {
                rootAscii[childChar[e]] = childNode[e];
            }
        }
        linkFailures(nodes);
    }

    private void linkFailures(int nodes) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int e = childStart[0]; e < childStart[1]; e++) {
            queue.add(childNode[e]); // depth-1 nodes fail to the root
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int e = childStart[node]; e < childStart[node + 1]; e++) {
                int child = childNode[e];
                int f = fail[node];
                while (f != 0 && next(f, childChar[e]) < 0) {
                    f = fail[f];
                }
                int target = next(f, childChar[e]);
                fail[child] = target > 0 && target != child ? target : 0;
                outputLink[child] = values[fail[child]].length > 0 ? fail[child] : outputLink[fail[child]];
                queue.add(child);
            }
        }
    }

    /** The child of {@code node} on {@code c}, or -1. */
    private int next(int node, char c) {
        if (node == 0 && c < 128) {
            int child = rootAscii[c];
            return child == 0 ? -1 : child;
        }
        int lo = childStart[node];
        int hi = childStart[node + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            char label = childChar[mid];
            if (label < c) {
                lo = mid + 1;
            } else if (label > c) {
                hi = mid - 1;
            } else {
                return childNode[mid];
            }
        }
        return -1;
    }

    /** Reports every occurrence of every key in {@code text[0, length)}. */
    void search(char[] text, int length, Sink sink) {
        int state = 0;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            int child;
            while ((child = next(state, c)) < 0 && state != 0) {
                state = fail[state];
            }
            state = Math.max(child, 0);
            for (int out = values[state].length > 0 ? state : outputLink[state]; out != 0; out = outputLink[out]) {
                for (int value : values[out]) {
                    sink.match(value, i + 1 - keyLength[value], i + 1);
                }
            }
        }
    }

    /** Collects keys; each key gets the value it was added with (values are 0..n-1 in order of adding). */
    static final class Builder {
        private int nodes = 1;
        private int[] firstChild = new int[1024];
        private int[] nextSibling = new int[1024];
        private char[] label = new char[1024];
        private final List<int[]> nodeValues = new ArrayList<>(List.of(new int[0]));
        private int[] lengths = new int[256];
        private int keys;

        /** Adds {@code key} (non-empty) and returns its value. */
        int add(String key) {
            int node = 0;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                int child = firstChild[node];
                while (child != 0 && label[child] != c) {
                    child = nextSibling[child];
                }
                if (child == 0) {
                    child = newNode(c);
                    nextSibling[child] = firstChild[node];
                    firstChild[node] = child;
                }
                node = child;
            }
            if (keys == lengths.length) {
                lengths = Arrays.copyOf(lengths, keys * 2);
            }
            lengths[keys] = key.length();
            int[] old = nodeValues.get(node);
            int[] more = Arrays.copyOf(old, old.length + 1);
            more[old.length] = keys;
            nodeValues.set(node, more);
            return keys++;
        }

        private int newNode(char c) {
            if (nodes == label.length) {
                firstChild = Arrays.copyOf(firstChild, nodes * 2);
                nextSibling = Arrays.copyOf(nextSibling, nodes * 2);
                label = Arrays.copyOf(label, nodes * 2);
            }
            label[nodes] = c;
            nodeValues.add(new int[0]);
            return nodes++;
        }

        AhoCorasick build() {
            return new AhoCorasick(nodes, firstChild, nextSibling, label, nodeValues, Arrays.copyOf(lengths, keys));
        }
    }
}
