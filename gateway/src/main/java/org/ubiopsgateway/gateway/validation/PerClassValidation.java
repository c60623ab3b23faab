package org.ubiopsgateway.gateway.validation;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.hibernate.validator.runtime.ArcConstraintValidatorFactoryImpl;
import io.quarkus.hibernate.validator.runtime.ArcProxyBeanMetaDataClassNormalizer;
import io.quarkus.hibernate.validator.runtime.clockprovider.RuntimeReinitializedDefaultClockProvider;
import io.quarkus.hibernate.validator.runtime.locale.LocaleResolversWrapper;
import io.quarkus.runtime.ImageMode;
import io.quarkus.runtime.LocalesBuildTimeConfig;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.validation.Validation;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.HibernateValidatorFactory;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The validator factory behind Quarkus's request validation, reading each class's constraints when that class is
 * first validated. Quarkus's own factory reads those of all 41 constrained classes before the start ends, by
 * reflection: a third of the main thread's start-up (docs/startup.md, fourth pass). This one replaces
 * it (an alternative of the same name, which Quarkus's {@code Validator} bean and its start-up call resolve to), with
 * the settings Quarkus gives its own: no XML, constraint validators as beans, its proxy class normalizer, its clock,
 * the configured locales and their resolver. The first request to validate a class reads it (kept softly, as Hibernate
 * Validator keeps it everywhere); its constraints and messages are the same.
 * <p>
 * When a native image is built, start-up code runs at build time: there Quarkus's factory is used, which reads every
 * class into the image, so a native executable reads nothing by reflection when it runs.
 */
@Singleton
public class PerClassValidation {

    /** The name Quarkus's extension gives its factory (its {@code VALIDATOR_FACTORY_NAME}). */
    static final String FACTORY = "quarkus-hibernate-validator-factory";

    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    @Default
    @Named(FACTORY)
    HibernateValidatorFactory factory(@Named("locale-resolver-wrapper") Instance<LocaleResolversWrapper> localeResolver) {
        if (ImageMode.current() == ImageMode.NATIVE_BUILD) {
            return quarkusFactory();
        }
        LocalesBuildTimeConfig locales = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(LocalesBuildTimeConfig.class);
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure()
                .ignoreXmlConfiguration()
                .constraintValidatorFactory(new ArcConstraintValidatorFactoryImpl())
                .clockProvider(RuntimeReinitializedDefaultClockProvider.INSTANCE)
                .beanMetaDataClassNormalizer(new ArcProxyBeanMetaDataClassNormalizer())
                .locales(locales.locales().contains(Locale.ROOT) ? Set.of(Locale.getAvailableLocales()) : locales.locales())
                .defaultLocale(locales.defaultLocale().orElse(Locale.getDefault()));
        if (localeResolver.isResolvable()) {
            configuration.localeResolver(localeResolver.get());
        }
        return configuration.buildValidatorFactory().unwrap(HibernateValidatorFactory.class);
    }

    void close(@Disposes @Named(FACTORY) HibernateValidatorFactory factory) {
        factory.close();
    }

    /** Quarkus's own factory: its synthetic bean, which this alternative hides from resolution. */
    @SuppressWarnings("unchecked")
    static HibernateValidatorFactory quarkusFactory() {
        InjectableBean<HibernateValidatorFactory> bean = Arc.container().beanManager()
                .getBeans(HibernateValidatorFactory.class, NamedLiteral.of(FACTORY)).stream()
                .map(candidate -> (InjectableBean<HibernateValidatorFactory>) candidate)
                .filter(candidate -> candidate.getKind() == InjectableBean.Kind.SYNTHETIC)
                .findFirst().orElseThrow();
        return Arc.container().instance(bean).get();
    }
}
