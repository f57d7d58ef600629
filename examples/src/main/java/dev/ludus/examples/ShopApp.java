package dev.ludus.examples;

import java.util.List;

/**
 * An e-commerce shop: orders earn XP and points (capped at 1,500), larger orders earn a tiered bonus where the
 * higher tier stops the lower one, verified reviews progress a quest, points are redeemed for vouchers, and
 * customers holding enough points become VIP. Some events use the Gameball spelling ({@code customerId},
 * {@code eventName}, {@code metadata}). Game and events: {@code shop/game.json}, {@code shop/events.jsonl}.
 *
 * <p>Prints each event's result and the customers' final states.
 */
public final class ShopApp {
    /** The customers of the events file, in the order their final states are printed. */
    public static final List<String> PLAYERS = List.of("cust-1001", "cust-1002");

    private ShopApp() {
    }

    /** @return the example played to the end */
    public static ExampleRun play() {
        return ExampleRun.play("shop");
    }

    public static void main(String[] args) {
        play().print(System.out, PLAYERS);
    }
}
