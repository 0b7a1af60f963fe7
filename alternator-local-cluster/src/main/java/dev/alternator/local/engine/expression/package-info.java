/**
 * The expression language of the local engine: condition, filter, key-condition, update and projection
 * expressions, and the legacy parameters they replaced, parsed once per request into reusable objects
 * ({@link dev.alternator.local.engine.expression.Condition}, {@link dev.alternator.local.engine.expression.Update},
 * {@link dev.alternator.local.engine.expression.Projection},
 * {@link dev.alternator.local.engine.expression.KeyCondition}).
 * <p>
 * The parser is written by hand (recursive descent over a small lexer) rather than generated with ANTLR: the
 * grammar is small, a hand-written parser needs no build plugin or generated sources, it costs no runtime
 * dependency, and it lets every error carry DynamoDB's exact wording (which token, which function, which
 * path) without fighting a generator's error recovery. No regular expressions are used on the request path.
 * <p>
 * Names and values of a request are resolved through one
 * {@link dev.alternator.local.engine.expression.ExpressionAttributes}, shared by all its expressions, which
 * rejects undefined references while parsing and unused ones afterwards.
 */
package dev.alternator.local.engine.expression;
