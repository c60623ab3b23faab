package org.ubiopsgateway.gateway.observability;

import io.netty.util.concurrent.FastThreadLocal;
import org.jboss.logmanager.ExtFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.StructuredFormatter;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Formatter;

/**
 * Writes access lines exactly as the console's structured (JSON) formatter does, without running it for every line.
 * That formatter builds each line with a JSON generator under one lock all event loops share: 10 % of a cached read's
 * CPU. Here each thread keeps a template per shape of line (logger, level, thread, MDC keys): the formatter's own
 * output for a probe record, cut where the probe's values are. A line is its template with the record's timestamp,
 * sequence number, message and MDC values put in. A template is kept only if it gives the formatter's very output for
 * a second probe, whose values need escaping, and for the record it was made for; so whatever an operator configured
 * (key overrides, extra or excluded fields, a date format, ECS or GCP) comes out the same. A record no template can
 * serve goes to the formatter: one with an exception, a value outside printable ASCII, a shape the template refused.
 */
final class AccessLineFormatter extends ExtFormatter {

    private static final int SHAPES_PER_THREAD = 4;
    private static final int TIMESTAMP = 0;
    private static final int SEQUENCE = 1;
    private static final int MESSAGE = 2;
    private static final int FIRST_MDC = 3;

    private final StructuredFormatter formatter;
    private final DateTimeFormatter timestamps;
    private final FastThreadLocal<Local> local = new FastThreadLocal<>() { // an array slot on an event loop
        @Override
        protected Local initialValue() {
            return new Local(new Timestamps(timestamps));
        }
    };

    private AccessLineFormatter(StructuredFormatter formatter) {
        this.formatter = formatter;
        this.timestamps = formatter.getDateTimeFormatter();
    }

    /** The formatter for access lines: a structured one served from templates, any other as it is. */
    static Formatter of(Formatter console) {
        return console instanceof StructuredFormatter structured ? new AccessLineFormatter(structured) : console;
    }

    @Override
    public String format(ExtLogRecord record) {
        if (record.getThrown() != null || formatter.isPrintDetails()) {
            return formatter.format(record);
        }
        Local here = local.get();
        Map<String, String> mdc = record.getMdcCopy();
        Template template = null;
        String[] values = null;
        for (int i = 0; i < here.templates.size() && values == null; i++) {
            template = here.templates.get(i);
            values = template.valuesOf(record, mdc, here.timestamps);
        }
        if (values == null && here.templates.size() < SHAPES_PER_THREAD) {
            template = make(record, mdc, here);
            here.templates.add(template);
            values = template.valuesOf(record, mdc, here.timestamps);
        }
        String line = values != null && template.usable ? here.fill(template, values) : null;
        return line != null ? line : formatter.format(record);
    }

    @Override
    public boolean isCallerCalculationRequired() {
        return formatter.isCallerCalculationRequired();
    }

    /** The template of the record's shape; not usable where it would not give the formatter's output. */
    private Template make(ExtLogRecord record, Map<String, String> mdc, Local here) {
        List<String> keys = List.copyOf(mdc.keySet());
        Template refused = new Template(record, keys, null, null);
        Probe first = new Probe("a", Instant.ofEpochSecond(1_000_000_000L, 123_456_789), 8_106_004_413_527_271L, "",
                keys.size());
        Template template = cut(record, keys, formatter.format(first.record(record, keys)), first.values);
        if (template == null) {
            return refused;
        }
        Probe second = new Probe("b", Instant.ofEpochSecond(1_234_567_890L, 987_654_000), Long.MAX_VALUE,
                " \"quoted\" \\ ", keys.size());
        String own = here.fill(template, template.valuesOf(record, mdc, here.timestamps));
        boolean same = formatter.format(second.record(record, keys)).equals(here.fill(template, second.values))
                && (own == null || formatter.format(record).equals(own));
        return same ? template : refused;
    }

    /** Values no real line has, each one found again in the formatter's output. */
    private final class Probe {
        final Instant instant;
        final long sequence;
        final String[] values;

        Probe(String set, Instant instant, long sequence, String messageExtra, int mdcSize) {
            this.instant = instant;
            this.sequence = sequence;
            values = new String[FIRST_MDC + mdcSize];
            values[TIMESTAMP] = timestamps.format(instant);
            values[SEQUENCE] = Long.toString(sequence);
            values[MESSAGE] = "zq" + set + "ProbeMessage" + messageExtra + "Qz";
            for (int i = FIRST_MDC; i < values.length; i++) {
                values[i] = "zq" + set + "ProbeMdc" + i + "Qz";
            }
        }

        /** The record with the probe's values in place of its own. */
        ExtLogRecord record(ExtLogRecord original, List<String> keys) {
            ExtLogRecord probe = new ExtLogRecord(original);
            probe.setMessage(values[MESSAGE], ExtLogRecord.FormatStyle.NO_FORMAT);
            probe.setParameters(null);
            probe.setInstant(instant);
            probe.setSequenceNumber(sequence);
            Map<String, String> mdc = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                mdc.put(keys.get(i), values[FIRST_MDC + i]);
            }
            probe.setMdc(mdc); // a map of its own: the copy shares the original's
            return probe;
        }
    }

    /** The probe's output cut at each of its values; null if an MDC value is missing or values overlap. */
    private static Template cut(ExtLogRecord record, List<String> keys, String output, String[] values) {
        List<int[]> found = new ArrayList<>(); // {position, value}
        for (int v = 0; v < values.length; v++) {
            int at = output.indexOf(values[v]);
            if (at < 0 && v >= FIRST_MDC) {
                return null; // changed on the way: only the formatter can write it
            } // a timestamp, sequence number or message not found is a key excluded: no slot
            for (; at >= 0; at = output.indexOf(values[v], at + values[v].length())) {
                found.add(new int[] {at, v});
            }
        }
        found.sort((x, y) -> Integer.compare(x[0], y[0]));
        String[] literals = new String[found.size() + 1];
        int[] slots = new int[found.size()];
        int from = 0;
        for (int i = 0; i < found.size(); i++) {
            int at = found.get(i)[0];
            if (at < from) {
                return null;
            }
            literals[i] = output.substring(from, at);
            slots[i] = found.get(i)[1];
            from = at + values[slots[i]].length();
        }
        literals[found.size()] = output.substring(from);
        return new Template(record, keys, literals, slots);
    }

    /** A shape of line and, when usable, its template: literal text between slots for the record's values. */
    private static final class Template {
        final String loggerName;
        final String loggerClassName;
        final java.util.logging.Level level;
        final String threadName;
        final long threadId;
        final String ndc;
        final String hostName;
        final String processName;
        final long processId;
        final List<String> keys;
        final String[] literals;
        final int[] slots;
        final boolean usable;

        Template(ExtLogRecord record, List<String> keys, String[] literals, int[] slots) {
            this.loggerName = record.getLoggerName();
            this.loggerClassName = record.getLoggerClassName();
            this.level = record.getLevel();
            this.threadName = record.getThreadName();
            this.threadId = record.getLongThreadID();
            this.ndc = record.getNdc();
            this.hostName = record.getHostName();
            this.processName = record.getProcessName();
            this.processId = record.getProcessId();
            this.keys = keys;
            this.literals = literals;
            this.slots = slots;
            this.usable = literals != null;
        }

        /** The record's values in slot order, or null if the record is not of this shape. */
        String[] valuesOf(ExtLogRecord record, Map<String, String> mdc, Timestamps timestamps) {
            if (level != record.getLevel() || threadId != record.getLongThreadID() || processId != record.getProcessId()
                    || mdc.size() != keys.size() || !Objects.equals(loggerName, record.getLoggerName())
                    || !Objects.equals(loggerClassName, record.getLoggerClassName())
                    || !Objects.equals(threadName, record.getThreadName()) || !Objects.equals(ndc, record.getNdc())
                    || !Objects.equals(hostName, record.getHostName())
                    || !Objects.equals(processName, record.getProcessName())) {
                return null;
            }
            String[] values = new String[FIRST_MDC + keys.size()];
            Iterator<Map.Entry<String, String>> entries = mdc.entrySet().iterator();
            for (int i = 0; i < keys.size(); i++) {
                Map.Entry<String, String> entry = entries.next();
                if (!keys.get(i).equals(entry.getKey())) {
                    return null;
                }
                values[FIRST_MDC + i] = entry.getValue();
            }
            values[TIMESTAMP] = timestamps.format(record.getInstant());
            values[SEQUENCE] = Long.toString(record.getSequenceNumber());
            values[MESSAGE] = record.getFormattedMessage();
            return values;
        }
    }

    /** A thread's templates, and what it reuses from one line to the next. */
    private static final class Local {
        final List<Template> templates = new ArrayList<>(SHAPES_PER_THREAD);
        final StringBuilder line = new StringBuilder(512);
        final Timestamps timestamps;

        Local(Timestamps timestamps) {
            this.timestamps = timestamps;
        }

        /** The template with the values put in, or null if a value is not plain printable ASCII. */
        String fill(Template template, String[] values) {
            StringBuilder out = line;
            out.setLength(0);
            out.append(template.literals[0]);
            for (int i = 0; i < template.slots.length; i++) {
                if (!appendEscaped(out, values[template.slots[i]])) {
                    return null;
                }
                out.append(template.literals[i + 1]);
            }
            return out.toString();
        }
    }

    /**
     * The formatter's timestamps, made once a second where it has the default ISO pattern: within a second only the
     * fraction changes. The first of each second is checked against the formatter; a difference turns this off.
     */
    static final class Timestamps {
        private static final String ONE_NANO = ".000000001";
        private final DateTimeFormatter formatter;
        private boolean iso;
        private long second = Long.MIN_VALUE;
        private String upToSeconds;
        private String offset;

        Timestamps(DateTimeFormatter formatter) {
            this.formatter = formatter;
            this.iso = formatter.toString().equals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.toString());
        }

        /** Whether timestamps are still made once a second (false once the formatter wrote one differently). */
        boolean bySecond() {
            return iso;
        }

        String format(Instant instant) {
            if (!iso) {
                return formatter.format(instant);
            }
            if (instant.getEpochSecond() == second) {
                return withFraction(instant.getNano());
            }
            String marked = formatter.format(Instant.ofEpochSecond(instant.getEpochSecond(), 1));
            int at = marked.indexOf(ONE_NANO);
            String formatted = formatter.format(instant);
            if (at < 0) {
                iso = false;
                return formatted;
            }
            upToSeconds = marked.substring(0, at);
            offset = marked.substring(at + ONE_NANO.length());
            second = instant.getEpochSecond();
            iso = formatted.equals(withFraction(instant.getNano()));
            return formatted;
        }

        /** As ISO writes it: nine digits without their trailing zeros, none at all (nor the point) for zero. */
        private String withFraction(int nanos) {
            StringBuilder out = new StringBuilder(upToSeconds.length() + ONE_NANO.length() + offset.length());
            out.append(upToSeconds);
            if (nanos != 0) {
                int digits = 9;
                for (; nanos % 10 == 0; nanos /= 10) {
                    digits--;
                }
                String significant = Integer.toString(nanos);
                out.append('.');
                for (int i = significant.length(); i < digits; i++) {
                    out.append('0');
                }
                out.append(significant);
            }
            return out.append(offset).toString();
        }
    }

    /**
     * Appends a JSON string's content, each run without escapes at once; false for a character other than printable
     * ASCII (left to the formatter, the line given up).
     */
    private static boolean appendEscaped(StringBuilder out, String value) {
        if (value == null) {
            return false;
        }
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
            if (c == '"' || c == '\\') {
                out.append(value, run, i).append('\\');
                run = i;
            }
        }
        out.append(value, run, value.length());
        return true;
    }
}
