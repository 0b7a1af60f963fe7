package dev.alternator.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or replace a product.
 * @param name the product's name
 * @param category the category it is listed under
 * @param price its price, at least 0, two decimals at most
 * @param description an optional description
 */
public record ProductRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String category,
		@NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal price,
		@Size(max = 2000) String description) {

	Product toProduct(String id) {
		Product product = new Product();
		product.setId(id);
		product.setName(this.name);
		product.setCategory(this.category);
		product.setPrice(this.price.setScale(MoneyConverter.SCALE, RoundingMode.HALF_EVEN));
		product.setDescription(this.description);
		return product;
	}

}
