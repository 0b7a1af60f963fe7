package dev.alternator.spring.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Chooses the credentials of the auto-configured clients. Never by type alone: an {@link AwsCredentialsProvider} bean
 * is used only when it is qualified {@link AlternatorCredentials @AlternatorCredentials}.
 */
final class ClientCredentials {

	private ClientCredentials() {
	}

	/**
	 * The qualified provider (the application said so, as {@code @FlywayDataSource} wins over
	 * {@code spring.flyway.url}), else the connection details' static credentials, else anonymous requests.
	 */
	static AwsCredentialsProvider resolve(AlternatorConnectionDetails connectionDetails,
			ObjectProvider<AwsCredentialsProvider> qualifiedProvider) {
		AwsCredentialsProvider provider = qualifiedProvider.getIfAvailable();
		if (provider != null) {
			return provider;
		}
		if (connectionDetails.getAccessKeyId() != null && connectionDetails.getSecretAccessKey() != null) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(connectionDetails.getAccessKeyId(),
					connectionDetails.getSecretAccessKey()));
		}
		return AnonymousCredentialsProvider.create();
	}

}
