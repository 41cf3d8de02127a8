package org.jind.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jind.core.JindException;
import org.jind.core.data.DatasetInfo;

/**
 * The value of {@code --batch} / {@code --target-batch}: one batch, several separated by commas
 * ({@code b1,b2}), or {@code all} (every batch of {@code --batch-key}, but the source in {@code run}). Several
 * batches are aligned and self-trained each on its own, {@code --threads} of them at a time.
 */
final class BatchSelection {
    static final String ALL = "all";

    private BatchSelection() {
    }

    /** Whether the option's value names more than one batch (a list, or {@value #ALL}). */
    static boolean several(String value) {
        return value != null && (value.contains(",") || value.trim().equals(ALL));
    }

    /**
     * The batches the value names, in its order ({@value #ALL}: the column's values in sorted order, without
     * {@code except}); a clear sentence naming {@code option} for an empty or repeated name.
     */
    static List<String> resolve(String option, String value, Path file, String batchKey, String except) {
        if (!value.trim().equals(ALL)) {
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (String s : value.split(",", -1)) {
                String b = s.trim();
                if (b.isEmpty()) {
                    throw new JindException(option + " '" + value + "' holds an empty batch name; separate names"
                            + " by single commas.");
                }
                if (!names.add(b)) {
                    throw new JindException(option + " names batch '" + b + "' twice.");
                }
            }
            if (names.contains(except)) {
                throw new JindException(option + " names the source batch '" + except + "'; leave it out.");
            }
            if (batchKey != null) { // a misspelt batch is refused before any batch is worked on
                DatasetInfo.of(file).obsColumn(batchKey).map(DatasetInfo.Column::levels).filter(l -> !l.isEmpty())
                        .ifPresent(levels -> names.stream().filter(b -> !levels.contains(b)).findFirst()
                                .ifPresent(b -> {
                                    throw new JindException(option + " names batch '" + b + "', which is not in the"
                                            + " column '" + batchKey + "' of " + file.getFileName() + " (it holds "
                                            + String.join(", ", levels) + ").");
                                }));
            }
            return List.copyOf(names);
        }
        if (batchKey == null) {
            throw new JindException(option + " " + ALL + " needs --batch-key (the annotation column holding batch"
                    + " names).");
        }
        DatasetInfo info = DatasetInfo.of(file);
        DatasetInfo.Column c = info.obsColumn(batchKey).orElseThrow(() -> new JindException(file.getFileName()
                + " has no annotation column '" + batchKey + "' (--batch-key)."));
        if (c.levels().isEmpty()) {
            throw new JindException("The column '" + batchKey + "' of " + file.getFileName() + " holds no batch"
                    + " names (numbers, or more than " + DatasetInfo.MAX_LEVELS + " values); list the batches in "
                    + option + ".");
        }
        List<String> out = new ArrayList<>(c.levels());
        out.remove(except);
        if (out.isEmpty()) {
            throw new JindException(file.getFileName() + " holds no batch in '" + batchKey + "' besides the source '"
                    + except + "'.");
        }
        return out;
    }
}
