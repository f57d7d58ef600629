package dev.ludus.api;

/**
 * Hears of processed events after they commit (SPEC section 9). Called on a delivery thread, never on the
 * tracking thread; calls for one subscription are sequential, in commit order per player. An exception
 * thrown here is logged and isolated: it affects neither processing nor other listeners.
 */
@FunctionalInterface
public interface EventListener {

    /** @param result the committed event's result; its {@code updates} are what changed */
    void onEvent(EventResult result);
}
