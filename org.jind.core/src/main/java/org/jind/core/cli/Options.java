package org.jind.core.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;

/** Declared command-line options of one command: parsing, typed access and the --help text. */
final class Options {
    private record Spec(String name, String arg, String defaultValue, String help) {
    }

    private final String command;
    private final String summary;
    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String command, String summary) {
        this.command = command;
        this.summary = summary;
    }

    /** An option with a value; {@code defaultValue} null means optional without default. */
    Options opt(String name, String arg, String defaultValue, String help) {
        specs.put(name, new Spec(name, arg, defaultValue, help));
        return this;
    }

    /** A switch without value. */
    Options flag(String name, String help) {
        specs.put(name, new Spec(name, null, null, help));
        return this;
    }

    /** Parses; returns false when --help was asked for (and printed). */
    boolean parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.print(help());
                return false;
            }
            String name = a.startsWith("--") ? a.substring(2) : null;
            String inline = null;
            if (name != null && name.contains("=")) {
                inline = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            Spec s = name == null ? null : specs.get(name);
            if (s == null) {
                throw new JindException("Unknown option '" + a + "' for '" + command + "'; see ./jind " + command + " --help.");
            }
            if (s.arg() == null) {
                if (inline != null) {
                    throw new JindException("--" + name + " is a switch and takes no value; leave it out to turn it off.");
                }
                values.put(name, "true");
            } else if (inline != null) {
                values.put(name, inline);
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new JindException("Option --" + name + " needs a value (" + s.arg() + ").");
            }
        }
        return true;
    }

    String help() {
        StringBuilder sb = new StringBuilder("Usage: ./jind " + command + " [options]\n\n" + summary + "\n\nOptions:\n");
        for (Spec s : specs.values()) {
            String left = "  --" + s.name() + (s.arg() == null ? "" : " " + s.arg());
            sb.append(String.format("%-30s %s%s%n", left, s.help(),
                    s.defaultValue() == null ? "" : " (default: " + s.defaultValue() + ")"));
        }
        sb.append(String.format("%-30s %s%n", "  --help", "show this help"));
        return sb.toString();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** Whether a switch was given (switches are stored like options without a value). */
    boolean flag(String name) {
        return has(name);
    }

    String str(String name) {
        String v = values.get(name);
        return v != null ? v : specs.get(name).defaultValue();
    }

    String required(String name) {
        String v = str(name);
        if (v == null) {
            throw new JindException("Missing --" + name + " " + specs.get(name).arg() + "; see ./jind " + command + " --help.");
        }
        return v;
    }

    Path path(String name) {
        String v = str(name);
        return v == null ? null : Path.of(v);
    }

    Path requiredPath(String name) {
        return Path.of(required(name));
    }

    int integer(String name) {
        String v = required(name);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new JindException("--" + name + " expects a whole number, got '" + v + "'.");
        }
    }

    long longValue(String name) {
        String v = required(name);
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new JindException("--" + name + " expects a whole number, got '" + v + "'.");
        }
    }

    double number(String name) {
        String v = required(name);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new JindException("--" + name + " expects a number, got '" + v + "'.");
        }
    }

    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String s : required(name).split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }
}
