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

	@DynamoDbPartitionKey
	public String getId() {
		return this.id;
	}

	public void setId(String id) {
		this.id = id;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	@DynamoDbSecondaryPartitionKey(indexNames = CATEGORY_INDEX)
	public String getCategory() {
		return this.category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	@DynamoDbConvertedBy(MoneyConverter.class)
	public BigDecimal getPrice() {
		return this.price;
	}

	public void setPrice(BigDecimal price) {
		this.price = price;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

}
