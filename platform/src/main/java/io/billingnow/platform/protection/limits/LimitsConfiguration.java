package io.billingnow.platform.protection.limits;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.NotNull;

/** The {@code security.limits:} block. */
public class LimitsConfiguration {

    @NotNull
    @MinDataSize(1)
    @MaxDataSize(value = 64, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxRequestBodySize = DataSize.mebibytes(1);

    @JsonProperty
    public DataSize getMaxRequestBodySize() {
        return maxRequestBodySize;
    }

    @JsonProperty
    public void setMaxRequestBodySize(DataSize maxRequestBodySize) {
        this.maxRequestBodySize = maxRequestBodySize;
    }
}
