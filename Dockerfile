# syntax=docker/dockerfile:1
# Build: docker build -t moviepeople .
# Run:   docker run -p 8080:8080 --stop-timeout 30 -e DATABASE_URL=postgres://user:pass@db:5432/moviepeople moviepeople
# (--stop-timeout: Docker's default of 10 s is shorter than the 20 s in-flight requests get on SIGTERM.)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
# The image always runs with the prod profile, which never starts the embedded PostgreSQL: leave
# its binaries for five platforms (about 130 MB) out of the jar.
RUN ./mvnw -B -q -DskipTests -Dspring-boot.excludeGroupIds=io.zonky.test.postgres package \
 && java -Djarmode=tools -jar target/moviepeople-*.jar extract --layers --launcher --destination /app

FROM eclipse-temurin:17-jre
# curl is for the HEALTHCHECK (Temurin's Ubuntu images ship it today; installing it keeps that true).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 moviepeople \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin moviepeople
WORKDIR /app
# Layers from least to most often changed, so rebuilds reuse the dependency layers.
# Owned by root and read-only to the app: it writes nothing but temp files (/tmp).
COPY --from=build /app/dependencies/ ./
COPY --from=build /app/spring-boot-loader/ ./
COPY --from=build /app/snapshot-dependencies/ ./
COPY --from=build /app/application/ ./
# Numeric, so that Kubernetes' runAsNonRoot can verify it is not root.
USER 10001:10001
# The parallel collector: on the few cores a container gets, G1's write barriers and concurrent
# threads cost every request more than its shorter pauses save (A/B in docs/benchmarks.md, issue 17).
ENV SPRING_PROFILES_ACTIVE=prod \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseParallelGC"
EXPOSE 8080
# Liveness, not readiness: an unhealthy container gets replaced (Swarm, some platforms), and
# replacing every container while PostgreSQL is away helps nobody; the app answers 503 meanwhile
# and recovers by itself. Load balancers should use /actuator/health/readiness.
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS "http://localhost:${PORT:-8080}/actuator/health/liveness" || exit 1
# Exec form: java is PID 1 and receives SIGTERM itself (graceful shutdown).
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
