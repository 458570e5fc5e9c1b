package io.usagereport.reports.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The answer of {@link DeprecationPolicy#status}: the state of one protocol on the as-of date, the next date
 * that matters for that state, and what the administrator can do now.
 *
 * @param state the state on the as-of date
 * @param deadline the next relevant date (opt-out window closing, known disablement date, end of the re-enable
 *        period, …); empty when no date lies ahead for this state (not affected, permanently disabled)
 * @param actions what to do now, most important first; never empty ({@link Action#NONE} when nothing)
 */
public record ProtocolStatus(DeprecationState state, Optional<LocalDate> deadline, List<Action> actions)
{
    public ProtocolStatus
    {
        requireNonNull(state, "state is null");
        requireNonNull(deadline, "deadline is null");
        actions = List.copyOf(requireNonNull(actions, "actions is null"));
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("actions is empty; use Action.NONE");
        }
    }
}
