package io.billingnow.sdk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks SDK API that may still change incompatibly in a minor release.
 *
 * <p>Everything not marked {@code @Beta} follows the additive-only compatibility policy described in
 * {@code sdk/README.md}. The japicmp check excludes {@code @Beta} elements, so a plugin that uses them must be
 * rebuilt against each new SDK release.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD,
        ElementType.RECORD_COMPONENT, ElementType.PACKAGE})
public @interface Beta {
}
