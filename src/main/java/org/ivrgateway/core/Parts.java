package org.ivrgateway.core;

import java.sql.SQLException;
import org.ivrgateway.api.IvrException;
import org.ivrgateway.api.ReturnCode;
import org.ivrgateway.core.agent.Agents;
import org.ivrgateway.core.agent.Registrations;
import org.ivrgateway.core.call.CallRow;
import org.ivrgateway.core.callback.Callbacks;
import org.ivrgateway.core.routing.RoutingRules;
import org.ivrgateway.core.transit.TransitNumbers;
import org.ivrgateway.core.internal.Tx;
import org.ivrgateway.core.agent.Desk;
import org.ivrgateway.core.call.Calls;
import org.ivrgateway.core.call.ContactData;
import org.ivrgateway.core.call.SwitchEvents;
import org.ivrgateway.config.CenterConfig;
import org.ivrgateway.core.internal.Signals;
import org.ivrgateway.core.internal.Store;
import org.ivrgateway.core.queue.Router;
import org.ivrgateway.core.queue.Visits;
import org.ivrgateway.core.session.Sessions;
import org.ivrgateway.core.stats.Statistics;

/**
 * The core's repositories and services, built once by the composition root ({@link ContactCenter}), which
 * hands each handler and port only the ones it uses. {@link CallbackWork} still takes them whole.
 */
record Parts(CenterConfig config, Store store, Signals signals, Sessions sessions, Calls calls,
             ContactData contactData, Agents agents, Desk desk, Visits visits, SwitchEvents events, Router router,
             Statistics statistics, TransitNumbers transit, Callbacks callbacks, RoutingRules rules,
             Registrations registrations) {

    static Parts build(CenterConfig config, Store store, Signals signals) {
        Calls calls = new Calls(store.database().isPostgres());
        Agents agents = new Agents();
        Visits visits = new Visits(config);
        SwitchEvents events = new SwitchEvents();
        TransitNumbers transit = new TransitNumbers(config.transitNumbers());
        Registrations registrations = new Registrations();
        return new Parts(config, store, signals, new Sessions(config.gateway().sessionIdleSeconds()), calls,
                new ContactData(), agents, new Desk(config, agents), visits, events,
                new Router(config, calls, agents, visits, events, transit, registrations),
                new Statistics(config, agents, calls), transit, new Callbacks(config, store.clock()),
                new RoutingRules(config, store.clock()), registrations);
    }
}
