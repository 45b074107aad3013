package io.billingnow.platform.identity.auth;

/** A platform operator. Auditors may only read. */
public record OperatorCaller(String actorId, boolean readOnly) implements Caller {

    @Override
    public String actorType() {
        return "operator";
    }
}
