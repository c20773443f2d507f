# Build: docker build -t dispute-desk .
# Run:   docker run -p 3000:3000 -v dd-data:/app/data --env-file dispute-desk.env dispute-desk
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# The report charts are drawn on the server: Java needs fontconfig and a font, or the text comes out blank.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app dispute-desk \
    && mkdir -p /app/data /app/config && chown -R dispute-desk /app
WORKDIR /app
COPY --from=build /src/target/dispute-desk.jar /app/dispute-desk.jar
# Class Data Sharing: a demo start (stopped after a minute) records the classes a start loads; real starts
# map them instead of loading and verifying them again (about a quarter less CPU to ready). A missing or
# stale archive only makes the start slower.
RUN cd /tmp && timeout -s TERM 60 java -XX:ArchiveClassesAtExit=/app/dispute-desk.jsa -jar /app/dispute-desk.jar \
      demo --port 3999 >/dev/null 2>&1; rm -rf /tmp/data && test -s /app/dispute-desk.jsa
COPY config/dispute-desk.example.yml /app/config/dispute-desk.example.yml
USER dispute-desk
ENV JAVA_TOOL_OPTIONS="-Dfile.encoding=UTF-8 -Djava.awt.headless=true -XX:MaxRAMPercentage=75" \
    DATABASE_URL="jdbc:sqlite:/app/data/dispute-desk.db" \
    PORT=3000
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD wget -qO- "http://127.0.0.1:${PORT}/healthz" >/dev/null 2>&1 || curl -fsS "http://127.0.0.1:${PORT}/healthz" >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/dispute-desk.jsa", "-jar", "/app/dispute-desk.jar"]
CMD ["run"]
