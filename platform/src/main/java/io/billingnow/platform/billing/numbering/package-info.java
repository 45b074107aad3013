/**
 * What document numbers look like ({@link io.billingnow.platform.billing.numbering.NumberingFormat}). Allocating the
 * counter, gapless and inside the document's transaction, is the job of the persistence layer built on top.
 */
package io.billingnow.platform.billing.numbering;
