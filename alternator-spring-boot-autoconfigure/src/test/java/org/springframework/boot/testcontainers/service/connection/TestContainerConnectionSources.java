package org.springframework.boot.testcontainers.service.connection;

import java.util.List;

import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.testcontainers.containers.Container;

/**
 * Builds a {@link ContainerConnectionSource} (package-private constructor) for a container given by a test, as a
 * {@code @ServiceConnection} field without attributes would give it.
 */
public final class TestContainerConnectionSources {

	private TestContainerConnectionSources() {
	}

	/**
	 * A source for the container, with no SSL annotations.
	 * @param <C> the container type
	 * @param type the declared type of the container
	 * @param imageName the image name, as Boot reads it from the container (given here: reading it from the
	 * container would resolve the image, which needs Docker)
	 * @param container the container, returned as it is (started or not)
	 * @return the source
	 */
	public static <C extends Container<?>> ContainerConnectionSource<C> of(Class<C> type, String imageName,
			C container) {
		Origin origin = new Origin() {

			@Override
			public String toString() {
				return "test container " + imageName;
			}

		};
		return new ContainerConnectionSource<>("test", origin, type, imageName,
				MergedAnnotation.of(ServiceConnection.class), () -> container, null, MergedAnnotations.of(List.of()));
	}

}
