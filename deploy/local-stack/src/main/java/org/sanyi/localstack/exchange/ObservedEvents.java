package org.sanyi.localstack.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sanyi.localstack.exchange.EventTap.ObservedEvent;

/** Every event the tap read, in arrival order, with a way to wait for a particular one. */
public final class ObservedEvents implements Consumer<ObservedEvent> {

    private final List<ObservedEvent> events = new ArrayList<>();

    @Override
    public synchronized void accept(ObservedEvent event) {
        events.add(event);
        notifyAll();
    }

    /** The first event of {@code ceType} about {@code key}, waiting up to {@code timeout} for it. */
    public synchronized Optional<ObservedEvent> await(String key, String ceType, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<ObservedEvent> found = events.stream()
                    .filter(event -> key.equals(event.key()) && ceType.equals(event.ceType()))
                    .findFirst();
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (found.isPresent() || remainingMillis <= 0) {
                return found;
            }
            wait(remainingMillis);
        }
    }

    /** Events about {@code key}, in the order the consumer read them (one key lives in one partition). */
    public synchronized List<ObservedEvent> about(String key) {
        return events.stream().filter(event -> key.equals(event.key())).toList();
    }

    public synchronized List<ObservedEvent> all() {
        return new ArrayList<>(events);
    }
}
