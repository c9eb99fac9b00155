package org.ivrgateway.web.console;

import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The console's pages: Thymeleaf HTML templates from {@code webapp/templates/} on the classpath. */
final class Templates {
    private final TemplateEngine engine = new TemplateEngine();

    Templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
        resolver.setPrefix("webapp/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /** The whole page, or only the {@code th:fragment} named {@code fragment} when it is not null. */
    String render(String template, String fragment, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.ENGLISH, model);
        return fragment == null ? engine.process(template, context)
                : engine.process(template, Set.of(fragment), context);
    }
}
