package dev.ludus.core.store;

import dev.ludus.api.spi.PlayerStore;
import dev.ludus.testkit.PlayerStoreContract;

/** The in-memory store passes the store checklist. */
class InMemoryPlayerStoreContractTest extends PlayerStoreContract {
    @Override
    protected PlayerStore newStore() {
        return InMemoryPlayerStore.create();
    }
}
