# Stand-in for postgres:15-alpine, built offline from Debian's postgresql-15 (tests/compose only).
# The entrypoint honours what the project uses of upstream's: POSTGRES_PASSWORD, POSTGRES_USER,
# POSTGRES_DB and PGDATA; it initialises an empty PGDATA once and runs the server as `postgres`.
FROM followups-stand-in/debian:bookworm-minbase
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 gosu \
    && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
STOPSIGNAL SIGINT
EXPOSE 5432
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
