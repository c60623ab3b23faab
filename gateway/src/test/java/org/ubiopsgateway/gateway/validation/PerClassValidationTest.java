package org.ubiopsgateway.gateway.validation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidatorFactory;
import org.hibernate.validator.PredefinedScopeHibernateValidatorFactory;
import org.junit.jupiter.api.Test;
import org.ubiopsgateway.gateway.projects.ProjectsResource;
import org.ubiopsgateway.model.projects.ProjectCreate;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PerClassValidationTest {

    @Inject
    Validator validator;

    @Inject
    HibernateValidatorFactory factory;

    @Inject
    ProjectsResource projects;

    @Test
    void requestValidationUsesTheFactoryThatReadsEachClassOnFirstUse() {
        assertFalse(factory instanceof PredefinedScopeHibernateValidatorFactory, factory.getClass().getName());
        assertEquals(factory.getValidator().getClass(), validator.getClass());
    }

    @Test
    void itFindsTheSameViolationsAsQuarkusOwnFactory() throws NoSuchMethodException {
        HibernateValidatorFactory quarkusFactory = PerClassValidation.quarkusFactory();
        assertInstanceOf(PredefinedScopeHibernateValidatorFactory.class, quarkusFactory);
        Validator quarkus = quarkusFactory.getValidator();

        Method create = ProjectsResource.class.getMethod("createProject", ProjectCreate.class);
        Object[] badBody = {new ProjectCreate("Not A Name", null, null, -1.0, List.of("", "x".repeat(5000)))};
        Method get = ProjectsResource.class.getMethod("getProject", String.class);
        Object[] badName = {"../etc"};

        Set<String> ours = violations(validator, create, badBody);
        assertTrue(ours.size() >= 5, ours::toString);
        assertEquals(violations(quarkus, create, badBody), ours);
        Set<String> oursForTheName = violations(validator, get, badName);
        assertFalse(oursForTheName.isEmpty());
        assertEquals(violations(quarkus, get, badName), oursForTheName);
    }

    private Set<String> violations(Validator validator, Method method, Object[] arguments) {
        Set<String> found = new TreeSet<>();
        for (ConstraintViolation<ProjectsResource> v : validator.forExecutables().validateParameters(projects, method, arguments)) {
            found.add(v.getPropertyPath() + ": " + v.getMessage());
        }
        return found;
    }
}
