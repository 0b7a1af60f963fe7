package dev.alternator.spring.autoconfigure;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the Alternator secret key and key store passwords in {@code /actuator/env} and {@code /actuator/configprops},
 * even where values are shown.
 */
class AlternatorSecretsSanitizer implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		String key = data.getKey().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
		boolean alternator = key.startsWith("alternator.") || key.startsWith("alternator")
				|| (data.getPropertySource() == null && key.contains("secretaccesskey"));
		if (alternator && (key.contains("secretaccesskey") || key.contains("password"))) {
			return data.withValue(SanitizableData.SANITIZED_VALUE);
		}
		return data;
	}

}
