#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests; sets REDHOME_TEST_POSTGRES_URL.
PG_DIR="${REDHOME_PG_DIR:-/tmp/redhome-pg-$$}"
PG_PORT="${REDHOME_PG_PORT:-54329}"

start_test_postgres() {
    [ -n "${REDHOME_TEST_POSTGRES_URL:-}" ] && return 0
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$bin" ] && [ -x "$bin/initdb" ] || return 1
    mkdir -p "$PG_DIR"
    local run=()
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || return 1
        chown postgres:postgres "$PG_DIR"
        run=(su postgres -s /bin/sh -c)
    else
        run=(sh -c)
    fi
    "${run[@]}" "$bin/initdb -D $PG_DIR/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync" >"$PG_DIR/initdb.log" 2>&1 || return 1
    "${run[@]}" "$bin/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -w -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses='' -c fsync=off -c max_connections=100\" start" >/dev/null 2>&1 || return 1
    export REDHOME_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/postgres?host=$PG_DIR&port=$PG_PORT"
    export REDHOME_PG_STARTED="$PG_DIR"
    echo "test: PostgreSQL running in $PG_DIR"
}

stop_test_postgres() {
    [ -n "${REDHOME_PG_STARTED:-}" ] || return 0
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/sh -c "$bin/pg_ctl -D $REDHOME_PG_STARTED/data -m fast stop" >/dev/null 2>&1 || true
    else
        "$bin/pg_ctl" -D "$REDHOME_PG_STARTED/data" -m fast stop >/dev/null 2>&1 || true
    fi
    rm -rf "$REDHOME_PG_STARTED"
    unset REDHOME_PG_STARTED
}
