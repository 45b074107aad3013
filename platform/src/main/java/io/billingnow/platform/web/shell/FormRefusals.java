package io.billingnow.platform.web.shell;

import io.billingnow.platform.core.errors.DomainException;
import io.billingnow.platform.core.errors.InvalidInput;
import io.billingnow.platform.core.errors.NotPermitted;
import io.billingnow.platform.core.errors.StateConflict;
import io.billingnow.platform.core.errors.Unprocessable;

/**
 * Which refusals of a form's change are shown on the form again ({@link FormErrors}) and with which status: invalid
 * input 422, a rule of the current state (the last owner) 409, a rule about who may do it (only an owner makes an
 * owner) 403. Anything else — above all "not found", which is what another business's id answers — is rethrown and
 * becomes the error page, so a form never says more about an id than the API does.
 */
public final class FormRefusals {

    private FormRefusals() {
    }

    public static int statusOrRethrow(DomainException refusal) {
        if (refusal instanceof InvalidInput || refusal instanceof Unprocessable) {
            return 422;
        }
        if (refusal instanceof StateConflict) {
            return 409;
        }
        if (refusal instanceof NotPermitted) {
            return 403;
        }
        throw refusal;
    }
}
