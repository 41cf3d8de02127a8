package org.jind.core.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jind.core.DivergedException;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.Version;
import org.jind.core.util.Errors;

import org.jind.core.nn.Backend;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code jind <command> [options]}: the command-line program over the JIND core. Options are parsed by picocli
 * (typed values, each option at most once, no option taken as another option's value); every failure ends as one
 * {@code error:} line and an exit code: 0 success, 2 bad input or usage, 1 internal error, 130 cancelled.
 */
@Command(name = "./jind", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "JIND: automated cell-type annotation for single-cell RNA-seq, with batch alignment and"
                + " rejection.%n",
        synopsisSubcommandLabel = "<command>",
        commandListHeading = "%nCommands (./jind <command> --help for its options):%n",
        footer = {"", "Inputs: AnnData .h5ad, a 10x directory (matrix.mtx, features.tsv, barcodes.tsv) or a wide"
                + " CSV/TSV (optionally .gz; first column cell id, one column per gene, a label column)."},
        subcommands = {Commands.Train.class, Pipeline.Align.class, Pipeline.SelfTrain.class, Commands.Annotate.class,
                Commands.Evaluate.class, Pipeline.Run.class, Plots.Plot.class, Commands.Simulate.class, Demo.class,
                Benchmark.class,
                HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a run stopped by the user (as a shell reports SIGINT). */
    static final int CANCELLED = 130;
    static final int INTERNAL = 1;

    @picocli.CommandLine.Spec
    CommandSpec spec;

    /** Without a command: the overview, and exit code 2 (nothing was done). */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing the command; see the list above.");
    }

    public static void main(String[] args) {
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        System.exit(run(args));
    }

    /** Runs a command with System.out and System.err as they are, and returns the exit code. */
    public static int run(String[] args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: out of memory; give Java more heap (JAVA_OPTS=-Xmx16g ./jind …) or use fewer"
                    + " genes (--genes).");
            return INTERNAL;
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(System.out, true));
        cl.setErr(new PrintWriter(System.err, true));
        // `--out --quiet` or `--out --qiet`: an option value that looks like an option is refused, not taken
        cl.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cl.setOverwrittenOptionsAllowed(false); // an option given twice is an error (the default; stated here)
        cl.setCaseInsensitiveEnumValuesAllowed(false);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e));
        cl.setExecutionStrategy(parseResult -> {
            applyThreads(parseResult);
            loadBackendEarly(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setAbbreviatedOptionsAllowed(false);
        // every command gets --help; added here so that commands added later get it too
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().findOption("--help") == null) {
                sub.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("show this help").build());
            }
        }
        return cl;
    }

    static final String THREADS_HELP = "threads for the whole process: the numerical backend's, and annotate and"
            + " evaluate prepare and predict that many chunks at once; align, selftrain and run given several batches"
            + " work on that many batches at once, each on one thread (default: 1)";

    /** The commands that, given several batches, work on {@code --threads} of them at once. */
    private static final java.util.Set<String> PER_BATCH = java.util.Set.of("align", "selftrain", "run");

    /**
     * Applies {@code --threads} once, before the command runs: ND4J's thread count is process-wide, so it is a
     * setting of the process, never of a step (see {@link Backend#useThreads}). Without the option the count is 1
     * (or the system property's, see {@link Backend#THREADS_PROPERTY}), fixed by the first computation.
     */
    private static void applyThreads(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult p = parseResult;
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        if (!p.hasMatchedOption("--threads")) {
            return;
        }
        int n = p.matchedOptionValue("--threads", 1);
        if (n < 1) {
            throw new ParameterException(p.commandSpec().commandLine(), "--threads must be at least 1; it is " + n
                    + ".");
        }
        if (PER_BATCH.contains(p.commandSpec().name()) && (BatchSelection.several(p.matchedOptionValue("--batch", null))
                || BatchSelection.several(p.matchedOptionValue("--target-batch", null))
                || p.matchedOptionValue("--model", null) instanceof java.nio.file.Path m
                        && org.jind.core.model.BatchModels.isFolder(m))) {
            // n batches at once, each with single-threaded kernels: a batch's numbers are those of running it
            // alone with one thread, and the cores are used by whole batches (no splitting of small products)
            n = 1;
        }
        try {
            Backend.useThreads(n);
        } catch (JindException e) {
            throw new ParameterException(p.commandSpec().commandLine(), e.getMessage());
        }
    }

    /** The commands that compute nothing with the numerical backend. */
    private static final java.util.Set<String> WITHOUT_BACKEND = java.util.Set.of("simulate", "help");

    /**
     * A command that computes starts loading the numerical backend now, on another thread, so that its 0.7 s
     * overlap the reading of the inputs (see {@link Backend#loadInBackground}); not for help or version requests.
     */
    private static void loadBackendEarly(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult p = parseResult;
        boolean help = p.isUsageHelpRequested() || p.isVersionHelpRequested();
        while (p.subcommand() != null) {
            p = p.subcommand();
            help |= p.isUsageHelpRequested() || p.isVersionHelpRequested();
        }
        if (!help && p != parseResult && !WITHOUT_BACKEND.contains(p.commandSpec().name())) {
            Backend.loadInBackground();
        }
    }

    /** The overview of the commands (./jind --help). */
    static String usage() {
        return commandLine().getUsageMessage();
    }

    /** A mistake in the command line: one line naming what the user typed, and where to look. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String command = cl.getCommandSpec().qualifiedName(" ");
        String message = e.getMessage();
        if (cl.getParent() == null) {
            if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().get(0).startsWith("-")) {
                message = "Unknown command '" + u.getUnmatched().get(0) + "'";
            } else if (args.length == 0) {
                cl.usage(cl.getOut());
                return JindException.BAD_INPUT;
            }
            System.err.println("error: " + trim(message) + "; run ./jind --help for the list of commands.");
            return JindException.BAD_INPUT;
        }
        String unknownOption = unknownOption(cl.getCommandSpec(), args);
        if (unknownOption != null || e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            // picocli reports a missing required option before an unknown one; the unknown one is the mistake
            String unknown = unknownOption != null ? unknownOption : ((UnmatchedArgumentException) e).getUnmatched().get(0);
            List<String> suggestions = e instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
            message = (unknown.startsWith("-") ? "Unknown option '" : "Unexpected argument '") + unknown + "' for '"
                    + cl.getCommandName() + "'" + (suggestions.isEmpty() ? "" : " (did you mean "
                    + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)");
        }
        System.err.println("error: " + trim(message) + "; see " + command + " --help.");
        return JindException.BAD_INPUT;
    }

    /** The first argument that looks like an option but is none of the command's (an option's value cannot be one). */
    private static String unknownOption(CommandSpec spec, String[] args) {
        for (String a : args) {
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (name.startsWith("-") && name.length() > 1 && !isNumber(name) && spec.findOption(name) == null
                    && !spec.subcommands().containsKey(name) && !name.equals(spec.name())) {
                return name;
            }
        }
        return null;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String trim(String m) {
        String s = m.lines().findFirst().orElse("").strip();
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** What a command threw, as an error line and exit code. */
    static int failure(Throwable e) {
        if (e instanceof DivergedException d) {
            System.err.println("error: " + d.messageFor(switch (d.step()) {
                case TRAINING -> "--lr";
                case ALIGNMENT -> "--align-lr";
                case SELF_TRAINING -> "--st-lr";
            }));
            return d.exitCode();
        }
        if (e instanceof org.jind.core.data.NotANumberException n) {
            System.err.println("error: " + n.messageFor("--label-key or --batch-key"));
            return n.exitCode();
        }
        if (e instanceof JindException j) {
            System.err.println("error: " + j.getMessage());
            return j.exitCode();
        }
        if (e instanceof Progress.CancelledException) {
            System.err.println("cancelled; nothing was written");
            return CANCELLED;
        }
        // a bug, not a user mistake: one line, the details only when asked for
        System.err.println("error: internal error (" + Errors.describe(e) + "); please report it."
                + " Set JIND_DEBUG=1 for the stack trace.");
        if (System.getenv("JIND_DEBUG") != null) {
            e.printStackTrace();
        }
        return INTERNAL;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"JIND " + Version.JIND + " (ND4J " + Version.ND4J + ")"};
        }
    }
}
