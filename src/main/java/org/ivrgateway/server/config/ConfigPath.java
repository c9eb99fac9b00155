package org.ivrgateway.server.config;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.util.List;

/** Where in the file a mapping error happened: as the user reads it ({@code queues[1].pilot}) and as a JSON pointer. */
record ConfigPath(String key, String pointer) {

    static ConfigPath of(List<Reference> references) {
        StringBuilder key = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (Reference r : references) {
            if (r.getFieldName() != null) {
                if (!key.isEmpty()) key.append('.');
                key.append(r.getFieldName());
                pointer.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                key.append('[').append(r.getIndex()).append(']');
                pointer.append('/').append(r.getIndex());
            }
        }
        return new ConfigPath(key.isEmpty() ? "(top level)" : key.toString(), pointer.toString());
    }

    /** A JSON pointer ({@code /queues/0/pilot}) as the user reads it ({@code queues[0].pilot}). */
    static String ofPointer(String pointer) {
        StringBuilder key = new StringBuilder();
        for (String raw : pointer.substring(pointer.isEmpty() ? 0 : 1).split("/")) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (segment.matches("[0-9]+")) key.append('[').append(segment).append(']');
            else key.append(key.isEmpty() ? "" : ".").append(segment);
        }
        return key.isEmpty() ? "(top level)" : key.toString();
    }
}
