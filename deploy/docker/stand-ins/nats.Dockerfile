# Stand-in for nats:2.10-alpine, built offline from Debian's nats-server (tests/compose only).
# Like upstream: the entrypoint prepends nats-server to flags, busybox wget for health checks.
FROM followups-stand-in/debian:bookworm-minbase
RUN apt-get update && apt-get install -y --no-install-recommends nats-server busybox \
    && rm -rf /var/lib/apt/lists/* && ln -s /bin/busybox /usr/local/bin/wget \
    && ln -s /usr/sbin/nats-server /usr/local/bin/nats-server
COPY nats-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
EXPOSE 4222 8222
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["nats-server"]
