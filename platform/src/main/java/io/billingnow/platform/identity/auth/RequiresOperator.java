package io.billingnow.platform.identity.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An admin-console endpoint; {@code readOnly} ones are open to auditors as well as operators. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresOperator {
    boolean readOnly() default false;
}
