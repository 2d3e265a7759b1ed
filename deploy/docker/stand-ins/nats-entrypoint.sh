#!/bin/sh
# As upstream's: `docker run nats -js …` runs `nats-server -js …`.
set -e
if [ "${1#-}" != "$1" ]; then set -- nats-server "$@"; fi
exec "$@"
