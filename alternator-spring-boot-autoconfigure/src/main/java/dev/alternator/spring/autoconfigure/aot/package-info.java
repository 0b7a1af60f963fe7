/**
 * Ahead-of-time processing support: runtime hints for native images.
 */
package dev.alternator.spring.autoconfigure.aot;
