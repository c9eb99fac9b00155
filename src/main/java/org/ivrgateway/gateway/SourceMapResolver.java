package org.ivrgateway.gateway;

import java.util.Map;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.cache.ICacheEntryValidity;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;
import org.thymeleaf.templateresource.StringTemplateResource;

/** Resolves a template by its origin to the source read at start-up; XML mode, parsed once and cached. */
final class SourceMapResolver extends AbstractTemplateResolver {
    private final Map<String, String> sources;

    SourceMapResolver(Map<String, String> sources) {
        this.sources = Map.copyOf(sources);
        setCheckExistence(true);
    }

    @Override
    protected boolean computeResolvable(IEngineConfiguration configuration, String ownerTemplate, String template,
                                        Map<String, Object> attributes) {
        return sources.containsKey(template);
    }

    @Override
    protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                        String template, Map<String, Object> attributes) {
        return new StringTemplateResource(sources.get(template));
    }

    @Override
    protected TemplateMode computeTemplateMode(IEngineConfiguration configuration, String ownerTemplate,
                                               String template, Map<String, Object> attributes) {
        return TemplateMode.XML;
    }

    @Override
    protected ICacheEntryValidity computeValidity(IEngineConfiguration configuration, String ownerTemplate,
                                                  String template, Map<String, Object> attributes) {
        return AlwaysValidCacheEntryValidity.INSTANCE;
    }
}
