package org.gemba;

import java.lang.reflect.Method;
import org.jdbi.v3.core.extension.AttachedExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandlerCustomizer;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * Attaches a SqlObject method only when it is first called. JDBI attaches (and "warms": resolves
 * every parameter's argument factory for) every method of the interface each time a SqlObject is
 * attached, which {@code onDemand} does on every call: a request calling one method of a
 * 10-method DAO paid for all ten (measured with JFR: a third of a GET /me's CPU).
 */
final class LazySqlObjectMethods implements ExtensionHandlerCustomizer {

    @Override
    public ExtensionHandler customize(ExtensionHandler handler, Class<?> extensionType, Method method) {
        return (config, target) -> new AttachedExtensionHandler() {
            private volatile AttachedExtensionHandler attached;

            @Override
            public Object invoke(HandleSupplier handleSupplier, Object... args) throws Exception {
                if (attached == null) {
                    attached = handler.attachTo(config, target);
                }
                return attached.invoke(handleSupplier, args);
            }
        };
    }
}
