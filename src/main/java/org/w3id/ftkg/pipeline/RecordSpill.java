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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * The records of one facts file as compact binary, so that the second pass of a build
 * reads back what the first pass read from the YAML (the corpus index keeps only a path to them) instead of parsing it again (parsing YAML was
 * a sixth of a large build). Every component of every record is kept: {@code read(write(f))}
 * equals {@code f}. Strings keep every UTF-16 unit, lone surrogates included.
 */
final class RecordSpill {
    private RecordSpill() {}

    static void write(Path file, FactsFile ff) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            new Writer(out).factsFile(ff);
        }
    }

    static FactsFile read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return new Reader(in).factsFile();
        }
    }

    private static final int NULL = 0, UTF8 = 1, UTF16 = 2;

    private static final class Writer {
        private final DataOutputStream out;
        /** File names of locations, each written once. */
        private final Map<String, Integer> files = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void factsFile(FactsFile ff) throws IOException {
            str(ff.path());
            source(ff.source());
            out.writeInt(ff.facts().size());
            for (FactRecord f : ff.facts())
                fact(f);
        }

        void source(SourceRecord s) throws IOException {
            str(s.file());
            located(s.title());
            out.writeInt(s.authors().size());
            for (Located<String> a : s.authors())
                located(a);
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
            out.writeBoolean(f.occurrence() != null);
            if (f.occurrence() != null)
                out.writeInt(f.occurrence());
            str(f.note());
            out.writeInt(f.misspellings().size());
            for (Misspelling m : f.misspellings()) {
                str(m.text());
                str(m.intended());
                at(m.at());
            }
            statements(f.statements());
            out.writeInt(f.nodes().size());
            for (NodeSpec n : f.nodes())
                node(n);
            at(f.at());
        }

        void node(NodeSpec n) throws IOException {
            str(n.id());
            str(n.type());
            str(n.label());
            str(n.description());
            out.writeInt(n.dates().size());
            for (var e : n.dates().entrySet()) {
                str(e.getKey());
                date(e.getValue());
            }
            str(n.status());
            out.writeInt(n.quantities().size());
            for (QuantitySpec q : n.quantities()) {
                str(q.value());
                str(q.min());
                str(q.max());
                str(q.unit());
                str(q.of());
                str(q.counted());
                str(q.qualifier());
                str(q.per());
                at(q.at());
            }
            statements(n.content());
            out.writeInt(n.properties().size());
            for (PropertyValues pv : n.properties()) {
                str(pv.property());
                out.writeInt(pv.values().size());
                for (Located<String> v : pv.values())
                    located(v);
                at(pv.at());
            }
            at(n.at());
        }

        void statements(List<StatementSpec> list) throws IOException {
            out.writeInt(list.size());
            for (StatementSpec st : list) {
                str(st.s());
                str(st.p());
                str(st.o());
                str(st.v());
                str(st.lang());
                at(st.at());
            }
        }

        void date(DateSpec d) throws IOException {
            out.writeBoolean(d != null);
            if (d == null)
                return;
            str(d.value());
            str(d.text());
            out.writeBoolean(d.inferred());
            at(d.at());
        }

        void located(Located<String> l) throws IOException {
            out.writeBoolean(l != null);
            if (l == null)
                return;
            str(l.value());
            at(l.at());
        }

        void at(Location at) throws IOException {
            out.writeBoolean(at != null);
            if (at == null)
                return;
            Integer known = files.get(at.file());
            if (known != null)
                out.writeInt(known);
            else {
                out.writeInt(-1);
                str(at.file());
                files.put(at.file(), files.size());
            }
            out.writeInt(at.line());
            out.writeInt(at.column());
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

    private static final class Reader {
        private final DataInputStream in;
        private final List<String> files = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        FactsFile factsFile() throws IOException {
            String path = str();
            SourceRecord source = source();
            int n = in.readInt();
            List<FactRecord> facts = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                facts.add(fact());
            return new FactsFile(path, source, facts);
        }

        SourceRecord source() throws IOException {
            String file = str();
            Located<String> title = located();
            int n = in.readInt();
            List<Located<String>> authors = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                authors.add(located());
            String authorQuote = str();
            Located<String> publisher = located();
            String publisherQuote = str();
            DateSpec date = date();
            String dateQuote = str();
            return new SourceRecord(file, title, authors, authorQuote, publisher, publisherQuote, date, dateQuote, at());
        }

        FactRecord fact() throws IOException {
            String id = str(), sourceFile = str(), quote = str();
            Integer occurrence = in.readBoolean() ? in.readInt() : null;
            String note = str();
            int n = in.readInt();
            List<Misspelling> misspellings = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                misspellings.add(new Misspelling(str(), str(), at()));
            List<StatementSpec> statements = statements();
            n = in.readInt();
            List<NodeSpec> nodes = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                nodes.add(node());
            return new FactRecord(id, sourceFile, quote, occurrence, note, misspellings, statements, nodes, at());
        }

        NodeSpec node() throws IOException {
            String id = str(), type = str(), label = str(), description = str();
            int n = in.readInt();
            Map<String, DateSpec> dates = new LinkedHashMap<>();
            for (int i = 0; i < n; i++)
                dates.put(str(), date());
            String status = str();
            n = in.readInt();
            List<QuantitySpec> quantities = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                quantities.add(new QuantitySpec(str(), str(), str(), str(), str(), str(), str(), str(), at()));
            List<StatementSpec> content = statements();
            n = in.readInt();
            List<PropertyValues> props = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String property = str();
                int m = in.readInt();
                List<Located<String>> values = new ArrayList<>(m);
                for (int j = 0; j < m; j++)
                    values.add(located());
                props.add(new PropertyValues(property, values, at()));
            }
            return new NodeSpec(id, type, label, description, dates, status, quantities, content, props, at());
        }

        List<StatementSpec> statements() throws IOException {
            int n = in.readInt();
            List<StatementSpec> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                out.add(new StatementSpec(str(), str(), str(), str(), str(), at()));
            return out;
        }

        DateSpec date() throws IOException {
            if (!in.readBoolean())
                return null;
            return new DateSpec(str(), str(), in.readBoolean(), at());
        }

        Located<String> located() throws IOException {
            if (!in.readBoolean())
                return null;
            return new Located<>(str(), at());
        }

        Location at() throws IOException {
            if (!in.readBoolean())
                return null;
            int k = in.readInt();
            String file;
            if (k >= 0)
                file = files.get(k);
            else {
                file = str();
                files.add(file);
            }
            return new Location(file, in.readInt(), in.readInt());
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
