package com.moviepeople.media;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A real S3 API server in the test JVM: S3Proxy over jclouds' filesystem blob store in a folder
 * of the test's, on a free port, with fixed credentials (requests are signature-checked). Started
 * in well under a second, so no container and no network are needed. {@link #client()} is an
 * independent S3 client for looking at the bucket from outside the app.
 */
final class TestS3 implements AutoCloseable {

    static final String ACCESS_KEY = "moviepeople-test";
    static final String SECRET_KEY = "moviepeople-test-secret";
    static final String REGION = "us-east-1";

    private final BlobStoreContext blobStore;
    private final S3Proxy proxy;
    private final S3Client client;

    private TestS3(BlobStoreContext blobStore, S3Proxy proxy) {
        this.blobStore = blobStore;
        this.proxy = proxy;
        this.client = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(URI.create(endpoint()))
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    static TestS3 start(Path dir) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStoreContext blobStore = ContextBuilder.newBuilder("filesystem").overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            blobStore.close();
            throw e;
        }
        return new TestS3(blobStore, proxy);
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    S3Client client() {
        return client;
    }

    void createBucket(String bucket) {
        client.createBucket(request -> request.bucket(bucket));
    }

    List<String> keys(String bucket) {
        return client.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    HeadObjectResponse head(String bucket, String key) {
        return client.headObject(request -> request.bucket(bucket).key(key));
    }

    /** A storage writing to {@code bucket} here, configured as the app would be. */
    S3MediaStorage storage(String bucket) {
        return new S3MediaStorage(endpoint(), bucket, REGION, ACCESS_KEY, SECRET_KEY, true);
    }

    @Override
    public void close() throws Exception {
        client.close();
        try {
            proxy.stop();
        } finally {
            blobStore.close();
        }
    }
}
