package io.billingnow.platform.protection.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.function.Supplier;

/** Where buckets live: in this node's memory, or in PostgreSQL for every node. */
public interface BucketStore {

    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);
}
