package dev.alternator.spring.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier for the {@code AwsCredentialsProvider} bean that signs the auto-configured Alternator clients' requests,
 * as Spring Boot's {@code @FlywayDataSource} marks the data source Flyway uses. Other {@code AwsCredentialsProvider}
 * beans (Spring Cloud AWS's default chain, for example) are never taken: Alternator's credentials are a ScyllaDB role
 * and its salted hash, not the application's AWS identity.
 * <p>
 * Without such a bean, credentials come from the connection details ({@code alternator.credentials.*}), else requests
 * are anonymous.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface AlternatorCredentials {

}
