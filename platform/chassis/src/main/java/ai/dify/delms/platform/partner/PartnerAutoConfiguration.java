package ai.dify.delms.platform.partner;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import ai.dify.delms.platform.directory.SalesDirectory;
import ai.dify.delms.platform.directory.SalesDirectoryAutoConfiguration;

/**
 * Makes {@link PartnerCaller} available to controller methods of every servlet service, and keeps
 * it out of the API documents (it comes from the token, not from request parameters).
 */
@AutoConfiguration(after = SalesDirectoryAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PartnerAutoConfiguration {

    @Bean
    WebMvcConfigurer partnerCallerWebMvcConfigurer(ObjectProvider<SalesDirectory> directory) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PartnerCallerArgumentResolver(directory));
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SpringDocUtils.class)
    static class PartnerCallerApiDocs {

        static {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(PartnerCaller.class);
        }
    }
}
