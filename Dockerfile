# Build stage: Maven with a JDK 21 builds the runnable jar (tests run in CI, not in the image build).
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY . .
RUN mvn -B -q -DskipTests package

# Runtime stage: a JRE 21 runs the jar. The embedded H2 database lives in /app/data (mount a volume to keep
# it); pass --db jdbc:postgresql://... to use PostgreSQL, --config /config/center.yaml for your contact center.
FROM eclipse-temurin:21-jre
WORKDIR /app
RUN useradd --system --home /app ivr && mkdir -p /app/data && chown ivr /app/data
COPY --from=build /src/target/ivr-gateway.jar /app/ivr-gateway.jar
USER ivr
VOLUME /app/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-jar", "/app/ivr-gateway.jar"]
