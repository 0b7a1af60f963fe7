package dev.alternator.sample;

import java.math.BigDecimal;

/**
 * A product as the API returns it.
 * @param id its id
 * @param name its name
 * @param category the category it is listed under
 * @param price its price, always with two decimals ({@code 29.90})
 * @param description its description, or {@code null}
 */
public record ProductResponse(String id, String name, String category, BigDecimal price, String description) {

	static ProductResponse of(Product product) {
		return new ProductResponse(product.getId(), product.getName(), product.getCategory(), product.getPrice(),
				product.getDescription());
	}

}
