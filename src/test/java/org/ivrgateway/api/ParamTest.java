package org.ivrgateway.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Param}'s constants are exactly the parameter names of the catalog, spelt as it spells them. */
class ParamTest {

    @Test
    void everyConstantIsACatalogParameterAndEveryParameterHasItsConstant() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : Param.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) constants.add((String) f.get(null));
        }
        Set<String> catalog = Arrays.stream(IvrFunction.values()).flatMap(fn -> fn.parameters().stream())
                .map(Parameter::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalog, constants);
    }
}
