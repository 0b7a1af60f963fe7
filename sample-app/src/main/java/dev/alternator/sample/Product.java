package dev.alternator.sample;

import java.math.BigDecimal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;

/**
 * A product of the catalogue, as stored in the {@code products} table: the storage shape only, never sent to or read
 * from clients ({@link ProductRequest} and {@link ProductResponse} are). Queried by category through the
 * {@value #CATEGORY_INDEX} index.
 */
@DynamoDbBean
public class Product {

	static final String CATEGORY_INDEX = "by-category";

	private String id;

	private String name;

	private String category;

	private BigDecimal price;

	private String description;

	/**
	 * The partition key, a UUID given at creation.
	 * @return the id
	 */
	@DynamoDbPartitionKey
	public String getId() {
		return this.id;
	}

	/**
	 * Sets the id.
	 * @param id the id
	 */
	public void setId(String id) {
		this.id = id;
	}

	/**
	 * The product's name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Sets the name.
	 * @param name the name
	 */
	public void setName(String name) {
		this.name = name;
	}

	/**
	 * The category, partition key of the {@value #CATEGORY_INDEX} index.
	 * @return the category
	 */
	@DynamoDbSecondaryPartitionKey(indexNames = CATEGORY_INDEX)
	public String getCategory() {
		return this.category;
	}

	/**
	 * Sets the category.
	 * @param category the category
	 */
	public void setCategory(String category) {
		this.category = category;
	}

	/**
	 * The price, stored as a number and read back with {@value MoneyConverter#SCALE} decimals.
	 * @return the price
	 */
	@DynamoDbConvertedBy(MoneyConverter.class)
	public BigDecimal getPrice() {
		return this.price;
	}

	/**
	 * Sets the price.
	 * @param price the price
	 */
	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	/**
	 * The optional description.
	 * @return the description, or {@code null}
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Sets the description.
	 * @param description the description, or {@code null}
	 */
	public void setDescription(String description) {
		this.description = description;
	}

}
