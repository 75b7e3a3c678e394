package org.w3id.ftkg.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.io.function.IOConsumer;
import org.apache.commons.io.function.IOSupplier;
import org.w3id.ftkg.curation.DateSpec;
import org.w3id.ftkg.curation.FactRecord;
import org.w3id.ftkg.curation.FactsFile;
import org.w3id.ftkg.curation.Located;
import org.w3id.ftkg.curation.Misspelling;
import org.w3id.ftkg.curation.NodeSpec;
import org.w3id.ftkg.curation.PropertyValues;
import org.w3id.ftkg.curation.QuantitySpec;
import org.w3id.ftkg.curation.SourceRecord;
import org.w3id.ftkg.curation.StatementSpec;
import org.w3id.ftkg.diagnostics.Location;

/**
 * A facts file's records as binary, so pass 2 need not parse the YAML again (a sixth of a large build):
 * {@code read(write(f))} equals {@code f}, lone surrogates included. Hand-written: a reflective codec was half
 * as fast, Java serialization a third as fast.
 */
final class RecordSpill {
    private RecordSpill() {}

    static void write(Path file, FactsFile ff) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            Writer w = new Writer(out, new HashMap<>());
            w.str(ff.path());
            w.source(ff.source());
            w.list(ff.facts(), w::fact);
        }
    }

    static FactsFile read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            Reader r = new Reader(in, new ArrayList<>());
            return new FactsFile(r.str(), r.source(), r.list(r::fact));
        }
    }

    private static final int NULL = 0, UTF8 = 1, UTF16 = 2;

    /** {@code files}: the file names of locations, each written once. */
    private record Writer(DataOutputStream out, Map<String, Integer> files) {
        <T> void list(Collection<T> items, IOConsumer<T> each) throws IOException {
            out.writeInt(items.size());
            for (T t : items)
                each.accept(t);
        }

        <T> void nullable(T value, IOConsumer<T> write) throws IOException {
            out.writeBoolean(value != null);
            if (value != null)
                write.accept(value);
        }

        void source(SourceRecord s) throws IOException {
            str(s.file());
            located(s.title());
            list(s.authors(), this::located);
            str(s.authorQuote());
            located(s.publisher());
            str(s.publisherQuote());
            date(s.date());
            str(s.dateQuote());
            at(s.at());
        }

        void fact(FactRecord f) throws IOException {
            str(f.id());
            str(f.sourceFile());
            str(f.quote());
            nullable(f.occurrence(), out::writeInt);
            str(f.note());
            list(f.misspellings(), m -> {
                str(m.text());
                str(m.intended());
                at(m.at());
            });
            list(f.statements(), this::statement);
            list(f.nodes(), this::node);
            at(f.at());
        }

        void node(NodeSpec n) throws IOException {
            str(n.id());
            str(n.type());
            str(n.label());
            str(n.description());
            list(n.dates().entrySet(), e -> {
                str(e.getKey());
                date(e.getValue());
            });
            str(n.status());
            list(n.quantities(), q -> {
                for (String v : Arrays.asList(q.value(), q.min(), q.max(), q.unit(), q.of(), q.counted(), q.qualifier(), q.per()))
                    str(v);
                at(q.at());
            });
            list(n.content(), this::statement);
            list(n.properties(), pv -> {
                str(pv.property());
                list(pv.values(), this::located);
                at(pv.at());
            });
            at(n.at());
        }

        void statement(StatementSpec st) throws IOException {
            for (String v : Arrays.asList(st.s(), st.p(), st.o(), st.v(), st.lang()))
                str(v);
            at(st.at());
        }

        void date(DateSpec d) throws IOException {
            nullable(d, v -> {
                str(v.value());
                str(v.text());
                out.writeBoolean(v.inferred());
                at(v.at());
            });
        }

        void located(Located<String> l) throws IOException {
            nullable(l, v -> {
                str(v.value());
                at(v.at());
            });
        }

        void at(Location at) throws IOException {
            nullable(at, v -> {
                Integer known = files.putIfAbsent(v.file(), files.size());
                out.writeInt(known != null ? known : -1);
                if (known == null)
                    str(v.file());
                out.writeInt(v.line());
                out.writeInt(v.column());
            });
        }

        void str(String s) throws IOException {
            if (s == null) {
                out.writeByte(NULL);
                return;
            }
            boolean surrogates = false;
            for (int i = 0; i < s.length() && !surrogates; i++)
                surrogates = Character.isSurrogate(s.charAt(i));
            if (!surrogates) { // UTF-8 keeps every char of a string without surrogates
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeByte(UTF8);
                out.writeInt(b.length);
                out.write(b);
            } else {
                out.writeByte(UTF16);
                out.writeInt(s.length());
                out.writeChars(s);
            }
        }
    }

    private record Reader(DataInputStream in, List<String> files) {
        <T> List<T> list(IOSupplier<T> each) throws IOException {
            int n = in.readInt();
            List<T> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                items.add(each.get());
            return items;
        }

        <T> T nullable(IOSupplier<T> read) throws IOException {
            return in.readBoolean() ? read.get() : null;
        }

        SourceRecord source() throws IOException {
            return new SourceRecord(str(), located(), list(this::located), str(), located(), str(), date(), str(), at());
        }

        FactRecord fact() throws IOException {
            return new FactRecord(str(), str(), str(), nullable(in::readInt), str(),
                list(() -> new Misspelling(str(), str(), at())), list(this::statement), list(this::node), at());
        }

        NodeSpec node() throws IOException {
            String id = str(), type = str(), label = str(), description = str();
            Map<String, DateSpec> dates = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--)
                dates.put(str(), date());
            return new NodeSpec(id, type, label, description, dates, str(),
                list(() -> new QuantitySpec(str(), str(), str(), str(), str(), str(), str(), str(), at())),
                list(this::statement), list(() -> new PropertyValues(str(), list(this::located), at())), at());
        }

        StatementSpec statement() throws IOException {
            return new StatementSpec(str(), str(), str(), str(), str(), at());
        }

        DateSpec date() throws IOException {
            return nullable(() -> new DateSpec(str(), str(), in.readBoolean(), at()));
        }

        Located<String> located() throws IOException {
            return nullable(() -> new Located<>(str(), at()));
        }

        Location at() throws IOException {
            return nullable(() -> {
                int k = in.readInt();
                String file = k >= 0 ? files.get(k) : str();
                if (k < 0)
                    files.add(file);
                return new Location(file, in.readInt(), in.readInt());
            });
        }

        String str() throws IOException {
            int kind = in.readByte();
            if (kind == NULL)
                return null;
            int n = in.readInt();
            if (kind == UTF8) {
                byte[] b = new byte[n];
                in.readFully(b);
                return new String(b, StandardCharsets.UTF_8);
            }
            char[] c = new char[n];
            for (int i = 0; i < n; i++)
                c[i] = in.readChar();
            return new String(c);
        }
    }
}
