package io.billingnow.platform.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.billingnow.platform.core.TenantId;
import org.junit.jupiter.api.Test;

class DataKeyTest {

    @Test
    void aKeyInUseIsWipedOnlyWhenItsLastUserReleasesIt() {
        DataKey key = FieldCipherTest.key(TenantId.random(), 1);
        assertThat(key.acquire()).isTrue();
        assertThat(key.acquire()).isTrue();
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.acquire()).as("no new user after destruction").isFalse();
        key.release();
        assertThat(key.isWiped()).isFalse();
        key.release();
        assertThat(key.isWiped()).isTrue();
    }

    @Test
    void anIdleKeyIsWipedAtOnceAndDestroyingTwiceIsHarmless() {
        DataKey key = FieldCipherTest.key(TenantId.random(), 1);
        key.destroy();
        key.destroy();
        assertThat(key.isWiped()).isTrue();
        assertThat(key.acquire()).isFalse();
    }
}
