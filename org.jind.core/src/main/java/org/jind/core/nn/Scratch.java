package org.jind.core.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reusable memory for the temporaries of repeated steps (an ND4J workspace of this thread). A fresh native
 * array costs far more than the arithmetic on it for minibatch-sized matrices (page faults on every new block);
 * inside {@link #step()} arrays come from one block learnt in the first step and reused afterwards.
 * <p>
 * Every array created inside a step is invalid once the step closes: weights, gradients, optimiser state and
 * anything kept across steps must be created outside (assigning into them from inside is fine).
 */
public final class Scratch implements AutoCloseable {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder().initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP).build();

    private final String id;

    /** {@code purpose} names the workspace; one purpose must not be open twice at once on a thread. */
    public Scratch(String purpose) {
        Backend.ensureLoaded();
        this.id = "jind-" + purpose;
    }

    /** Opens one step; close it (try-with-resources) before the next. */
    public MemoryWorkspace step() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, id);
    }

    /** Frees the memory. */
    @Override
    public void close() {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExists(id)) {
            Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(id).destroyWorkspace();
        }
    }
}
