package org.ivrgateway.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded form reader: it stops at the field limit, whatever follows, and decodes what it keeps. */
class FormReaderTest {

    @Test
    void sixtyThreeThousandAmpersandsStopTheReaderAtTheFieldLimit() {
        FormReader reader = new FormReader();
        List<FormReader.Field> fields = new ArrayList<>();
        FormReader.Unreadable refused = assertThrows(FormReader.Unreadable.class,
                () -> reader.decode("&".repeat(63_000), StandardCharsets.UTF_8, fields));
        assertTrue(refused.getMessage().contains("more than " + Limits.MAX_FIELDS + " parameters"), refused.getMessage());
        assertEquals(Limits.MAX_FIELDS + 1, reader.examined(), "fields looked at: the one past the limit stops it");
        assertTrue(fields.isEmpty(), "nothing decoded");
    }

    @Test
    void theFieldsUpToTheLimitAreDecoded() throws Exception {
        FormReader reader = new FormReader();
        List<FormReader.Field> fields = new ArrayList<>();
        reader.decode("CallID=1&&Value=caf%C3%A9+au+lait&Key=", StandardCharsets.UTF_8, fields);
        assertEquals(List.of(new FormReader.Field("CallID", "1"), new FormReader.Field("Value", "café au lait"),
                new FormReader.Field("Key", "")), fields);
        StringBuilder sixtyFour = new StringBuilder("p0=");
        for (int i = 1; i < Limits.MAX_FIELDS; i++) sixtyFour.append("&p").append(i).append('=');
        List<FormReader.Field> many = new ArrayList<>();
        new FormReader().decode(sixtyFour.toString(), StandardCharsets.UTF_8, many);
        assertEquals(Limits.MAX_FIELDS, many.size());
    }
}
