package com.moviepeople.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Picture files in an S3-compatible bucket ({@code moviepeople.storage.type=s3}): AWS S3, or any
 * store that speaks its API (MinIO, Cloudflare R2, Backblaze B2, ...) through
 * {@code moviepeople.storage.s3.endpoint}. Every app instance then sees the same files, which a
 * folder on one machine cannot give. Files are still served through {@code GET /media/{key}}, so
 * the bucket can stay private; each object also carries the year-long, immutable Cache-Control,
 * in case a CDN is later put in front of the bucket itself.
 * <p>
 * Without {@code access-key} and {@code secret-key} the SDK's default chain finds the credentials
 * (environment, profile, instance or task role), so none need to be written down on AWS.
 */
@Component
@ConditionalOnProperty(name = "moviepeople.storage.type", havingValue = "s3")
class S3MediaStorage implements MediaStorage, AutoCloseable {

    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String PRIVATE_CACHE_CONTROL = "private, no-store";

    private final S3Client s3;
    private final String bucket;

    S3MediaStorage(@Value("${moviepeople.storage.s3.endpoint:}") String endpoint,
                   @Value("${moviepeople.storage.s3.bucket:}") String bucket,
                   @Value("${moviepeople.storage.s3.region:us-east-1}") String region,
                   @Value("${moviepeople.storage.s3.access-key:}") String accessKey,
                   @Value("${moviepeople.storage.s3.secret-key:}") String secretKey,
                   @Value("${moviepeople.storage.s3.path-style:false}") boolean pathStyle) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("moviepeople.storage.type=s3 needs moviepeople.storage.s3.bucket");
        }
        this.bucket = bucket.strip();
        S3ClientBuilder builder = S3Client.builder()
                // The JDK's own HTTP client: no Netty or Apache HttpClient jars for a few requests per upload.
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region == null || region.isBlank() ? "us-east-1" : region.strip()))
                .credentialsProvider(credentials(accessKey, secretKey))
                // MinIO and S3Proxy are usually reached by path (http://host:9000/bucket/key), not by
                // a bucket subdomain.
                .forcePathStyle(pathStyle);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint.strip()))
                    // The SDK's newer default (CRC checksums in a chunked trailer on every upload) is
                    // refused or mishandled by several S3-compatible stores; checksums only where the
                    // API requires them work everywhere. AWS itself keeps the defaults.
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        this.s3 = builder.build();
    }

    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        boolean hasAccessKey = accessKey != null && !accessKey.isBlank();
        boolean hasSecretKey = secretKey != null && !secretKey.isBlank();
        if (hasAccessKey != hasSecretKey) {
            throw new IllegalStateException(
                    "Set both moviepeople.storage.s3.access-key and moviepeople.storage.s3.secret-key, or neither");
        }
        return hasAccessKey
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.strip(), secretKey.strip()))
                : DefaultCredentialsProvider.builder().build();
    }

    private static String checked(String key) {
        if (!MediaKeys.isStorableKey(key)) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return key;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) throws IOException {
        String checkedKey = checked(key);
        try {
            s3.putObject(request -> request.bucket(bucket).key(checkedKey).contentType(contentType)
                    .cacheControl(CACHE_CONTROL), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new IOException("Could not store " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public void putFile(String key, Path file, String contentType) throws IOException {
        String checkedKey = checked(key);
        try {
            s3.putObject(request -> request.bucket(bucket).key(checkedKey).contentType(contentType)
                    .cacheControl(MediaKeys.isPrivateKey(checkedKey) ? PRIVATE_CACHE_CONTROL : CACHE_CONTROL),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IOException("Could not store " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public Optional<StoredFile> get(String key) throws IOException {
        String checkedKey = checked(key);
        try {
            // Streamed, not buffered: the caller copies it to the response and closes it, which
            // returns the connection.
            ResponseInputStream<GetObjectResponse> object = s3.getObject(request -> request.bucket(bucket).key(checkedKey));
            return Optional.of(new StoredFile(object, object.response().contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("Could not read " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        String checkedKey = checked(key);
        try {
            // S3 answers a delete of a missing key with success too.
            s3.deleteObject(request -> request.bucket(bucket).key(checkedKey));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key + " from bucket " + bucket, e);
        }
    }

    /** Called by Spring on shutdown (an AutoCloseable bean): releases the client's connections. */
    @Override
    public void close() {
        s3.close();
    }
}
