package dev.alternator.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores an amount of money as a DynamoDB number and reads it back with {@value #SCALE} decimals. A database may
 * normalise numbers ({@code 29.90} is the same number as {@code 29.9} and comes back as such), so the scale is a
 * property of the attribute, stated here, rather than of the stored value.
 */
public final class MoneyConverter implements AttributeConverter<BigDecimal> {

	/** Decimals of every amount: cents. */
	public static final int SCALE = 2;

	/**
	 * Writes the amount as a number with {@value #SCALE} decimals.
	 * @param amount the amount; requests are validated to have at most {@value #SCALE} decimals
	 * @return the number attribute
	 */
	@Override
	public AttributeValue transformFrom(BigDecimal amount) {
		return AttributeValue.fromN(amount.setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString());
	}

	/**
	 * Reads the number back with {@value #SCALE} decimals.
	 * @param value the number attribute
	 * @return the amount, with scale {@value #SCALE}
	 */
	@Override
	public BigDecimal transformTo(AttributeValue value) {
		return new BigDecimal(value.n()).setScale(SCALE, RoundingMode.HALF_EVEN);
	}

	/**
	 * The converted type.
	 * @return {@code BigDecimal}
	 */
	@Override
	public EnhancedType<BigDecimal> type() {
		return EnhancedType.of(BigDecimal.class);
	}

	/**
	 * The stored type.
	 * @return a number
	 */
	@Override
	public AttributeValueType attributeValueType() {
		return AttributeValueType.N;
	}

}
