package dev.ludus.api;

import java.util.List;
import java.util.Objects;

/**
 * A summary of a loaded game definition.
 *
 * @param id             the document's {@code id}, or {@code null} when it has none
 * @param ruleSetVersion the document's {@code version}, else a hash of its content; never {@code null}
 * @param ruleIds        ids of all rules in document order, whatever their status
 * @param currencies     declared currency ids (empty when the section is absent)
 * @param badges         declared badge ids (empty when the section is absent)
 * @param quests         declared quest ids (empty when the section is absent)
 * @param maxLevel       the highest level of the level curve
 */
public record GameInfo(String id, String ruleSetVersion, List<String> ruleIds, List<String> currencies,
                       List<String> badges, List<String> quests, int maxLevel) {
    public GameInfo {
        Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
        ruleIds = List.copyOf(ruleIds);
        currencies = List.copyOf(currencies);
        badges = List.copyOf(badges);
        quests = List.copyOf(quests);
    }
}
