package org.w3id.ftkg.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3id.ftkg.curation.FactsFile;

/**
 * The records of one facts file as compact binary, so that pass 2 reads back what pass 1 read from
 * the YAML instead of parsing it again (parsing YAML was a sixth of a large build). Every record
 * component is kept, found by reflection: {@code read(write(f))} equals {@code f}. Each distinct
 * string is written once; strings keep every UTF-16 unit, lone surrogates included.
 */
final class RecordSpill {
    private RecordSpill() {}

    /** Each record class's components and canonical constructor, looked up once. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> c) {
            return c.getRecordComponents();
        }
    };
    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> c) {
            try {
                return c.getDeclaredConstructor(Arrays.stream(COMPONENTS.get(c)).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    static void write(Path file, FactsFile ff) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            new Writer(out).value(FactsFile.class, ff);
        }
    }

    static FactsFile read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return (FactsFile) new Reader(in).value(FactsFile.class);
        }
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static Type arg(Type t, int i) {
        return ((ParameterizedType) t).getActualTypeArguments()[i];
    }

    /** A component's type, with the record's type parameters ({@code Located<T>}) replaced by the actual ones. */
    private static Type resolve(RecordComponent c, Type owner) {
        if (c.getGenericType() instanceof TypeVariable<?> v && owner instanceof ParameterizedType p) {
            TypeVariable<?>[] params = raw(owner).getTypeParameters();
            for (int i = 0; i < params.length; i++)
                if (params[i].getName().equals(v.getName()))
                    return p.getActualTypeArguments()[i];
        }
        return c.getGenericType();
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void value(Type type, Object v) throws IOException {
            Class<?> raw = raw(type);
            if (!raw.isPrimitive()) {
                out.writeBoolean(v != null);
                if (v == null)
                    return;
            }
            if (raw == String.class)
                string((String) v);
            else if (raw == int.class || raw == Integer.class)
                out.writeInt((Integer) v);
            else if (raw == boolean.class)
                out.writeBoolean((Boolean) v);
            else if (raw == List.class) {
                out.writeInt(((List<?>) v).size());
                for (Object item : (List<?>) v)
                    value(arg(type, 0), item);
            } else if (raw == Map.class) {
                out.writeInt(((Map<?, ?>) v).size());
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    value(arg(type, 0), e.getKey());
                    value(arg(type, 1), e.getValue());
                }
            } else if (raw.isRecord()) {
                try {
                    for (RecordComponent c : COMPONENTS.get(raw))
                        value(resolve(c, type), c.getAccessor().invoke(v));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            } else
                throw new IllegalArgumentException("cannot spill a " + type);
        }

        /** A string seen before as its number; a new one as UTF-8 (-1), or as UTF-16 units (-2) if it has surrogates. */
        void string(String s) throws IOException {
            Integer known = strings.putIfAbsent(s, strings.size());
            if (known != null) {
                out.writeInt(known);
                return;
            }
            if (s.chars().noneMatch(c -> Character.isSurrogate((char) c))) { // UTF-8 keeps every char of such a string
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(-1);
                out.writeInt(b.length);
                out.write(b);
            } else {
                out.writeInt(-2);
                out.writeInt(s.length());
                out.writeChars(s);
            }
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final List<String> strings = new ArrayList<>();

        Reader(DataInputStream in) {
            this.in = in;
        }

        Object value(Type type) throws IOException {
            Class<?> raw = raw(type);
            if (!raw.isPrimitive() && !in.readBoolean())
                return null;
            if (raw == String.class)
                return string();
            if (raw == int.class || raw == Integer.class)
                return in.readInt();
            if (raw == boolean.class)
                return in.readBoolean();
            if (raw == List.class) {
                int n = in.readInt();
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++)
                    items.add(value(arg(type, 0)));
                return items;
            }
            if (raw == Map.class) {
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = in.readInt(); i > 0; i--)
                    map.put(value(arg(type, 0)), value(arg(type, 1)));
                return map;
            }
            RecordComponent[] components = COMPONENTS.get(raw);
            Object[] args = new Object[components.length];
            for (int i = 0; i < args.length; i++)
                args[i] = value(resolve(components[i], type));
            try {
                return CONSTRUCTORS.get(raw).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        String string() throws IOException {
            int k = in.readInt();
            if (k >= 0)
                return strings.get(k);
            int n = in.readInt();
            String s;
            if (k == -1) {
                byte[] b = new byte[n];
                in.readFully(b);
                s = new String(b, StandardCharsets.UTF_8);
            } else {
                char[] c = new char[n];
                for (int i = 0; i < n; i++)
                    c[i] = in.readChar();
                s = new String(c);
            }
            strings.add(s);
            return s;
        }
    }
}
