package org.w3id.ftkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Results come back in the items' order whatever the threads and however long each item takes. */
class OrderedWorkTest {
    @Test
    void resultsArriveInTheOrderOfTheItems() throws Exception {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        for (int threads : new int[] { 1, 3, 8 }) {
            List<Integer> out = new ArrayList<>();
            try (OrderedWork work = new OrderedWork(threads)) {
                work.inOrder(items, i -> {
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextInt(3)); // finish out of order
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return i * 2;
                }, out::add);
            }
            assertEquals(items.stream().map(i -> i * 2).toList(), out, threads + " threads");
        }
    }

    @Test
    void aFailureOnAWorkerIsThrownOnTheCallingThread() {
        try (OrderedWork work = new OrderedWork(2)) {
            IOException e = assertThrows(IOException.class, () -> work.inOrder(List.of(1, 2, 3), i -> {
                if (i == 2)
                    throw new UncheckedIOException(new IOException("disk full"));
                return i;
            }, r -> {}));
            assertEquals("disk full", e.getMessage());
            assertThrows(IllegalStateException.class, () -> work.inOrder(List.of(1), i -> {
                throw new IllegalStateException("bug");
            }, r -> {}));
        }
        assertThrows(IllegalArgumentException.class, () -> new OrderedWork(0));
    }
}
