package org.ivrgateway.core;

import static org.ivrgateway.core.Fixture.ALAN;
import static org.ivrgateway.core.Fixture.IVR;
import static org.ivrgateway.core.Fixture.SALES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ivrgateway.api.Invocation;
import org.ivrgateway.api.IvrFunction;
import org.ivrgateway.api.ParamType;
import org.ivrgateway.api.Parameter;
import org.ivrgateway.api.Result;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.store.BothDatabases;
import org.ivrgateway.store.Database;
import org.ivrgateway.store.TestDatabase;

/**
 * Bad input to any function, derived from the catalog so that no parameter is forgotten: every input of
 * every function, given a value outside its table's type, range or length, or text the databases cannot
 * hold (NUL, a lone surrogate), answers -306 and leaves every row of every table as it was.
 */
class BadInputTest {

    @BothDatabases
    void everyInputOutsideItsRangeGives306AndChangesNothingStored(TestDatabase db) throws Exception {
        Fixture f = new Fixture(db);
        Fixture.Script call = f.monitored(IVR, "4165550142", "69030");
        f.center.setContactData(call.session(), call.callId(), "customer", "88412");
        f.center.enqueue(call.session(), call.callId(), 1, SALES, 10, "Sales line", null);
        f.center.login(ALAN, "5001");
        Database side = db.open();
        String before = side.inTransaction(BadInputTest::everyRow);

        List<String> notRejected = new ArrayList<>();
        int tried = 0;
        for (IvrFunction function : IvrFunction.values()) {
            for (Parameter p : function.inputs()) {
                // Not looked at, whatever its value, without multiTenant (ParameterRulesTest shows it).
                if (p.multiTenantOnly() && !f.config.multiTenant()) continue;
                for (Object bad : badValues(p)) {
                    Invocation inv = Invocation.of(function, call.session()).with(p.name(), bad);
                    Result r = f.center.invoke(inv);
                    tried++;
                    if (r.returnCode() != ReturnCode.INVALID_PARAMETER.code()) {
                        notRejected.add(function.guideName() + "." + p.name() + "=" + abbreviate(bad) + " → " + r.returnCode());
                    }
                }
            }
        }

        assertTrue(notRejected.isEmpty(), "not -306: " + notRejected);
        assertTrue(tried > IvrFunction.values().length, "every function has inputs to try, tried " + tried);
        assertEquals(before, side.inTransaction(BadInputTest::everyRow), "a rejected call changed stored state");
    }

    /** Values outside the parameter's table: the wrong type, one past each bound, one character too many. */
    private static List<Object> badValues(Parameter p) {
        List<Object> bad = new ArrayList<>();
        if (p.type() == ParamType.INTEGER || p.numericString()) {
            bad.add("twelve");
            if (p.min() > Integer.MIN_VALUE) bad.add(String.valueOf(p.min() - 1));
            if (p.max() < Integer.MAX_VALUE) bad.add(String.valueOf(p.max() + 1));
        }
        if (p.type() == ParamType.STRING && p.maxLength() > 0) bad.add("9".repeat(p.maxLength() + 1));
        if (p.type() == ParamType.STRING && p.maxLength() > 0) bad.add("\uD83D\uDE00".repeat(p.maxLength() + 1));
        if (p.type() == ParamType.STRING && !p.numericString()) {
            bad.add("a\u0000b");
            bad.add("a\uD800b");
            bad.add("a\uDC00");
        }
        return bad;
    }

    /** Every row of every table, in a stable order: a fingerprint of the stored state. */
    private static String everyRow(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if ("public".equalsIgnoreCase(schema)) tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(String::compareTo);
        StringBuilder all = new StringBuilder();
        for (String table : tables) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) row.append(rs.getString(i)).append('|');
                    rows.add(row.toString());
                }
            }
            rows.sort(String::compareTo);
            all.append(table).append(": ").append(rows).append('\n');
        }
        assertTrue(all.indexOf("ivr_call") >= 0, "the fingerprint must cover the calls: " + tables);
        return all.toString();
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 12 ? s : s.substring(0, 12) + "…";
    }
}
